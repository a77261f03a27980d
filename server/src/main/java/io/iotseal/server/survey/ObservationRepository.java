package io.iotseal.server.survey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SQL for stored observations and the labels they may be findings on. Inserts go in JDBC batches, so an upload of
 * 5,000 lines is a handful of round trips.
 */
@Repository
class ObservationRepository {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ObservationRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Which of these addresses the campaign already holds. */
    Set<String> stored(String campaign, Collection<String> addresses) {
        Set<String> out = new HashSet<>();
        List<String> all = List.copyOf(addresses);
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.addAll(jdbc.sql("select address from survey_observation where campaign_id = :c and address in (:a)")
                    .param("c", campaign).param("a", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query(String.class).list());
        }
        return out;
    }

    record Row(UUID id, Observation o, UUID productId, int failCount) {
    }

    void insert(String campaign, List<Row> rows, OffsetDateTime now) {
        template.batchUpdate("insert into survey_observation (id, campaign_id, address, observed_at, finished_at, reached,"
                        + " opted_out, reachability, fail_count, services_json, fingerprints_json, findings_json, worker,"
                        + " product_id, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 500,
                (ps, r) -> set(ps, campaign, r, now));
    }

    private static void set(PreparedStatement ps, String campaign, Row r, OffsetDateTime now) throws SQLException {
        Observation o = r.o();
        ps.setObject(1, r.id());
        ps.setString(2, campaign);
        ps.setString(3, o.address());
        ps.setObject(4, o.observedAt());
        ps.setObject(5, o.finishedAt());
        ps.setBoolean(6, o.reached());
        ps.setBoolean(7, o.optedOut());
        ps.setString(8, o.reachability());
        ps.setInt(9, r.failCount());
        ps.setString(10, o.servicesJson());
        ps.setString(11, o.fingerprintsJson());
        ps.setString(12, o.findingsJson());
        ps.setString(13, o.worker() == null ? "" : o.worker());
        if (r.productId() == null) {
            ps.setNull(14, Types.OTHER);
        } else {
            ps.setObject(14, r.productId());
        }
        ps.setObject(15, now);
    }

    record LabelOf(UUID labelId, UUID productId) {
    }

    /**
     * The labels of these products a finding can still be evidence on: valid or suspended, not revoked and not
     * expired by date (the label module's {@code valid}/{@code suspended}, LabelView). A suspended label stays,
     * since what a survey finds may decide between reinstating and revoking it.
     */
    List<LabelOf> watchedLabels(Collection<UUID> products, java.time.LocalDate today) {
        List<LabelOf> out = new ArrayList<>();
        List<UUID> all = List.copyOf(products);
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.addAll(jdbc.sql("select id, product_id from label where product_id in (:p)"
                            + " and status in ('ACTIVE', 'SUSPENDED') and expiry >= :today order by id")
                    .param("p", all.subList(i, Math.min(all.size(), i + CHUNK))).param("today", today)
                    .query((rs, n) -> new LabelOf(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list());
        }
        return out;
    }

    /** A stored observation as a re-match reads it. */
    record Stored(UUID id, String campaignId, String address, UUID productId, String fingerprintsJson,
                  String findingsJson) {
    }

    /**
     * The next page of observations a re-match looks at, in id order after {@code after} (keyset paging: each page
     * is one index range, however far the pass has gone). By kind: those whose stored fingerprints name it (the
     * arrays are compact JSON as the upload wrote them); by campaign: all of the campaign's.
     */
    List<Stored> page(SurveyRematch.Scope scope, UUID after, int limit) {
        String where = scope.kind() != null ? "fingerprints_json like :pattern" : "campaign_id = :campaign";
        var sql = jdbc.sql("select id, campaign_id, address, product_id, fingerprints_json, findings_json"
                + " from survey_observation where " + where + (after == null ? "" : " and id > :after")
                + " order by id limit " + limit);
        if (scope.kind() != null) {
            sql = sql.param("pattern", "%\"kind\":\"" + scope.kind() + "\"%");
        } else {
            sql = sql.param("campaign", scope.campaign());
        }
        if (after != null) {
            sql = sql.param("after", after);
        }
        return sql.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6))).list();
    }

    void relink(UUID observation, UUID product) {
        if (product == null) {
            jdbc.sql("update survey_observation set product_id = null where id = ?").param(observation).update();
        } else {
            jdbc.sql("update survey_observation set product_id = ? where id = ?").params(product, observation).update();
        }
    }
}
