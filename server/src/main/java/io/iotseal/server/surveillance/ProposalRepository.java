package io.iotseal.server.surveillance;

import io.iotseal.surveillance.Proposal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Surveillance proposals (V29 surveillance_proposal). */
@Repository
class ProposalRepository {

    private static final String SELECT = "select p.id, p.label_id, l.label_id as public_id, l.scheme, l.product_name_en,"
            + " p.version_id, v.version, p.rule_id, p.action, p.vulnerability_id, p.component, p.triage_state,"
            + " p.severity, p.kev_added, p.since, p.due, p.state, p.hearing_ends, p.vendor_comment, p.decided_by,"
            + " p.decided_at, p.decision_note, p.created_at, l.vendor_id"
            + " from surveillance_proposal p join label l on l.id = p.label_id"
            + " join product_version v on v.id = p.version_id";

    private final JdbcClient jdbc;

    ProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A label being watched: its scheme and the product versions it covers. */
    record WatchedLabel(UUID id, String scheme, UUID productId, List<String> versions) {
    }

    List<WatchedLabel> activeLabels() {
        return jdbc.sql("select id, scheme, product_id, versions from label where status = 'ACTIVE' order by id")
                .query((rs, n) -> new WatchedLabel(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), List.of(rs.getString(4).split("\n"))))
                .list();
    }

    /** The ids of the product's versions whose version string the label names. */
    List<UUID> labelledVersions(UUID productId, List<String> versions) {
        return jdbc.sql("select id, version from product_version where product_id = ? order by version")
                .param(productId)
                .query((rs, n) -> versions.contains(rs.getString(2)) ? rs.getObject(1, UUID.class) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Records a fired rule; a proposal withdrawn before comes back OPEN; any other state stays as decided. */
    boolean open(UUID label, UUID version, Proposal p, String findingKey, OffsetDateTime now) {
        int reopened = jdbc.sql("update surveillance_proposal set state = 'OPEN', triage_state = ?, updated_at = ?"
                        + " where label_id = ? and version_id = ? and rule_id = ? and finding_key = ? and state = 'WITHDRAWN'")
                .params(p.finding().state().name(), now, label, version, p.ruleId(), findingKey).update();
        if (reopened > 0) {
            return true;
        }
        return jdbc.sql("insert into surveillance_proposal (id, label_id, version_id, rule_id, action, finding_key,"
                        + " vulnerability_id, component, triage_state, severity, kev_added, since, due, state,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)"
                        + " on conflict do nothing")
                .params(UUID.randomUUID(), label, version, p.ruleId(), p.action().name(), findingKey,
                        p.finding().advisoryId(), p.finding().component(), p.finding().state().name(),
                        p.finding().severity(), p.finding().kevAdded(), p.since().atOffset(ZoneOffset.UTC),
                        p.due().atOffset(ZoneOffset.UTC), now, now)
                .update() > 0;
    }

    /** Undecided proposals of the label's version whose rule no longer fires become WITHDRAWN. */
    int withdrawExcept(UUID label, UUID version, Set<String> stillFiring, OffsetDateTime now) {
        List<UUID> undecided = jdbc.sql("select id, rule_id, finding_key from surveillance_proposal where label_id = ?"
                        + " and version_id = ? and state in ('OPEN', 'HEARING')")
                .params(label, version)
                .query((rs, n) -> stillFiring.contains(rs.getString(2) + "/" + rs.getString(3)) ? null
                        : rs.getObject(1, UUID.class))
                .list().stream().filter(java.util.Objects::nonNull).toList();
        for (UUID id : undecided) {
            jdbc.sql("update surveillance_proposal set state = 'WITHDRAWN', updated_at = ? where id = ?")
                    .params(now, id).update();
        }
        return undecided.size();
    }

    List<ProposalView> list(String state) {
        return state == null
                ? jdbc.sql(SELECT + " order by p.created_at desc, p.id").query(ProposalRepository::view).list()
                : jdbc.sql(SELECT + " where p.state = ? order by p.created_at desc, p.id").param(state)
                .query(ProposalRepository::view).list();
    }

    List<ProposalView> ofVendor(UUID vendor) {
        return jdbc.sql(SELECT + " where l.vendor_id = ? and p.state <> 'OPEN' order by p.created_at desc, p.id")
                .param(vendor).query(ProposalRepository::view).list();
    }

    Optional<ProposalView> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(ProposalRepository::view).optional();
    }

    /** Moves a proposal from one state to another; false when it was no longer in {@code from}. */
    boolean hearing(UUID id, OffsetDateTime ends, OffsetDateTime now) {
        return jdbc.sql("update surveillance_proposal set state = 'HEARING', hearing_ends = ?, updated_at = ?"
                + " where id = ? and state = 'OPEN'").params(ends, now, id).update() == 1;
    }

    boolean comment(UUID id, String comment, OffsetDateTime now) {
        return jdbc.sql("update surveillance_proposal set vendor_comment = ?, updated_at = ? where id = ?"
                + " and state = 'HEARING'").params(comment, now, id).update() == 1;
    }

    boolean decide(UUID id, String state, String by, String note, OffsetDateTime now) {
        return jdbc.sql("update surveillance_proposal set state = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                        + " updated_at = ? where id = ? and state in ('OPEN', 'HEARING')")
                .params(state, by, now, note, now, id).update() == 1;
    }

    private static ProposalView view(ResultSet rs, int n) throws SQLException {
        return new ProposalView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getObject(14, LocalDate.class), rs.getObject(15, OffsetDateTime.class),
                rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getObject(18, OffsetDateTime.class),
                rs.getString(19), rs.getString(20), rs.getObject(21, OffsetDateTime.class), rs.getString(22),
                rs.getObject(23, OffsetDateTime.class), rs.getObject(24, UUID.class));
    }
}
