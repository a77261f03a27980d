package io.iotseal.server.advisory;

import io.iotseal.advisory.match.LookupKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.iotseal.server.advisory.AdvisoryRepository.array;
import static io.iotseal.server.advisory.AdvisoryRepository.chunks;
import static io.iotseal.server.advisory.AdvisoryRepository.marks;

/** Components as matching sees them (distinct purl, CPE, version over all SBOMs) and their findings (V27). */
@Repository
class FindingRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FindingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A distinct component: what the matcher is given, and the keys it is found by. */
    record Component(String componentKey, String purl, String cpe, String version, String purlKey, String cpeKey) {
    }

    /** A stored finding. */
    record Finding(String componentKey, String advisoryId, String basis, String fixedIn, String reason,
                   OffsetDateTime goneAt) {
    }

    /** A finding to write. */
    record Write(Component component, String advisoryId, String basis, String fixedIn, String reason) {
    }

    private static final String COMPONENT = "select distinct component_key, purl, cpe, version, purl_key, cpe_key"
            + " from sbom_component";

    private static Component component(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Component(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    /** The distinct components found by any of these keys (at most {@link AdvisoryRepository#CHUNK} keys). */
    List<Component> componentsByKeys(List<String> keys) {
        return jdbc.sql(COMPONENT + " where purl_key = any(?) or cpe_key = any(?)")
                .params(array(keys), array(keys)).query((rs, n) -> component(rs)).list();
    }

    List<Component> componentsOf(UUID sbomId) {
        return jdbc.sql(COMPONENT + " where sbom_id = ? and (purl_key is not null or cpe_key is not null)")
                .param(sbomId).query((rs, n) -> component(rs)).list();
    }

    /** Every key a component can be found by, for the full re-match. */
    List<String> allKeys() {
        return jdbc.sql("select purl_key from sbom_component where purl_key is not null"
                        + " union select cpe_key from sbom_component where cpe_key is not null")
                .query(String.class).list();
    }

    /** The JSON of the advisories (not withdrawn) with any of these keys. */
    List<String> advisoriesByKeys(Collection<String> keys) {
        List<String> out = new ArrayList<>();
        for (List<String> chunk : chunks(keys)) {
            out.addAll(jdbc.sql("select a.content from advisory a where a.withdrawn = false and a.id in"
                            + " (select k.advisory_id from unnest(?) as t(v) join advisory_key k on k.match_key = t.v)")
                    .param(array(chunk)).query(String.class).list());
        }
        return out;
    }

    /** All findings (open and gone) of these components, by component key and advisory id. */
    Map<String, Map<String, Finding>> findings(Collection<String> componentKeys) {
        Map<String, Map<String, Finding>> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(componentKeys)) {
            jdbc.sql("select f.component_key, f.advisory_id, f.basis, f.fixed_in, f.reason, f.gone_at"
                            + " from unnest(?) as t(v) join component_finding f on f.component_key = t.v")
                    .param(array(chunk))
                    .query((rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                    .list().forEach(f -> out.computeIfAbsent(f.componentKey(), k -> new LinkedHashMap<>())
                            .put(f.advisoryId(), f));
        }
        return out;
    }

    void insert(List<Write> writes, OffsetDateTime now) {
        template.batchUpdate("insert into component_finding (purl, cpe, version, basis, fixed_in, reason, first_seen,"
                        + " last_seen, component_key, advisory_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", writes, 1000,
                (ps, w) -> {
                    ps.setString(1, w.component().purl());
                    ps.setString(2, w.component().cpe());
                    ps.setString(3, w.component().version());
                    ps.setString(4, w.basis());
                    ps.setString(5, w.fixedIn());
                    ps.setString(6, w.reason());
                    ps.setObject(7, now);
                    ps.setObject(8, now);
                    ps.setString(9, w.component().componentKey());
                    ps.setString(10, w.advisoryId());
                });
    }

    /** Open again (if gone) with the current basis, fix and reason; first_seen stays. */
    void update(List<Write> writes, OffsetDateTime now) {
        template.batchUpdate("update component_finding set basis = ?, fixed_in = ?, reason = ?, last_seen = ?,"
                        + " gone_at = null where component_key = ? and advisory_id = ?", writes, 1000,
                (ps, w) -> {
                    ps.setString(1, w.basis());
                    ps.setString(2, w.fixedIn());
                    ps.setString(3, w.reason());
                    ps.setObject(4, now);
                    ps.setString(5, w.component().componentKey());
                    ps.setString(6, w.advisoryId());
                });
    }

    /**
     * Sets last_seen of every open finding of these components: one statement per {@link AdvisoryRepository#CHUNK}
     * components rather than one per finding (a full re-match confirms most findings unchanged).
     */
    void touchOpen(List<String> componentKeys, OffsetDateTime now) {
        for (List<String> chunk : chunks(componentKeys)) {
            jdbc.sql("update component_finding set last_seen = ? where gone_at is null"
                            + " and component_key in (select t.v from unnest(?) as t(v))")
                    .params(now, array(chunk)).update();
        }
    }

    void gone(List<Finding> gone, OffsetDateTime now) {
        template.batchUpdate("update component_finding set gone_at = ? where component_key = ? and advisory_id = ?",
                gone, 1000, (ps, f) -> {
                    ps.setObject(1, now);
                    ps.setString(2, f.componentKey());
                    ps.setString(3, f.advisoryId());
                });
    }

    /** A component row whose keys are not set yet (stored before V27, or just now). */
    record Unkeyed(UUID sbomId, int seq, String purl, String cpe, String version) {
    }

    List<Unkeyed> unkeyed(UUID sbomId, int limit) {
        String where = sbomId == null ? "component_key is null" : "sbom_id = ? and component_key is null";
        var spec = jdbc.sql("select sbom_id, seq, purl, cpe, version from sbom_component where " + where + " limit " + limit);
        if (sbomId != null) {
            spec = spec.param(sbomId);
        }
        return spec.query((rs, n) -> new Unkeyed(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getString(5))).list();
    }

    void setKeys(List<Unkeyed> rows) {
        template.batchUpdate("update sbom_component set purl_key = ?, cpe_key = ?, component_key = ?"
                + " where sbom_id = ? and seq = ?", rows, 1000, (ps, r) -> {
                    ps.setString(1, LookupKeys.ofPurl(r.purl()));
                    ps.setString(2, LookupKeys.ofCpe(r.cpe()));
                    ps.setString(3, MatchKeys.componentKey(r.purl(), r.cpe(), r.version()));
                    ps.setObject(4, r.sbomId());
                    ps.setInt(5, r.seq());
                });
    }

    /** A finding as a product version's list shows it. */
    record VersionFinding(String name, String purl, String cpe, String version, String advisoryId, String aliases,
                          String summary, String basis, String cvssVersion, Double cvssScore, String cvssRating,
                          String cvssVector, java.time.LocalDate kevDateAdded, String fixedIn, String reason,
                          OffsetDateTime firstSeen, OffsetDateTime lastSeen) {
    }

    /** Every SBOM of a product version. */
    List<UUID> sbomsOf(UUID versionId) {
        return jdbc.sql("select id from sbom where version_id = ? order by uploaded_at, id").param(versionId)
                .query(UUID.class).list();
    }

    /** When the newest re-match of an import finished, if any has. */
    java.util.Optional<OffsetDateTime> lastRematch() {
        return jdbc.sql("select max(rematched_at) from advisory_import").query(OffsetDateTime.class).optional();
    }

    /** The open findings of the components of these SBOMs, one per (component, advisory). */
    List<VersionFinding> openFindings(List<UUID> sbomIds) {
        if (sbomIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select min(c.name), f.purl, f.cpe, f.version, f.advisory_id, a.aliases, a.summary, f.basis,"
                        + " a.cvss_version, a.cvss_score, a.cvss_rating, a.cvss_vector, k.date_added, f.fixed_in, f.reason,"
                        + " f.first_seen, f.last_seen"
                        + " from component_finding f join sbom_component c on c.component_key = f.component_key"
                        + " join advisory a on a.id = f.advisory_id left join kev_entry k on k.cve_id = a.cve_id"
                        + " where c.sbom_id in (" + marks(sbomIds.size()) + ") and f.gone_at is null"
                        + " group by f.component_key, f.purl, f.cpe, f.version, f.advisory_id, a.aliases, a.summary, f.basis,"
                        + " a.cvss_version, a.cvss_score, a.cvss_rating, a.cvss_vector, k.date_added, f.fixed_in, f.reason,"
                        + " f.first_seen, f.last_seen"
                        + " order by a.cvss_score desc nulls last, f.advisory_id, min(c.name)")
                .params(new ArrayList<>(sbomIds))
                .query((rs, n) -> new VersionFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10) == null ? null : rs.getDouble(10), rs.getString(11), rs.getString(12),
                        rs.getObject(13, java.time.LocalDate.class), rs.getString(14), rs.getString(15),
                        rs.getObject(16, OffsetDateTime.class), rs.getObject(17, OffsetDateTime.class)))
                .list();
    }
}
