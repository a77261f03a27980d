package io.iotseal.server.survey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL for label findings of surveys (V35 {@code survey_label_finding}). */
@Repository
class LabelFindingRepository {

    private static final String SELECT = "select f.*, l.label_id as label_code, l.status as label_status,"
            + " l.product_name_en, l.vendor_name, o.observed_at"
            + " from survey_label_finding f join label l on l.id = f.label_id"
            + " join survey_observation o on o.id = f.observation_id";

    private static final RowMapper<LabelFinding> ROW = (rs, n) -> new LabelFinding(rs.getObject("id", UUID.class),
            rs.getObject("label_id", UUID.class), rs.getString("label_code"),
            status(rs.getString("label_status")), rs.getString("product_name_en"),
            rs.getString("vendor_name"), rs.getObject("observation_id", UUID.class), rs.getString("campaign_id"),
            rs.getString("address"), rs.getString("check_id"), rs.getInt("port"), rs.getString("service"),
            rs.getString("summary"), rs.getString("fingerprint"), rs.getObject("observed_at", OffsetDateTime.class),
            rs.getString("state"), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
            rs.getString("decision_note"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("unmatched_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    /** The stored state as the API names it (ACTIVE is "valid", LabelView); expiry by date is not looked at here. */
    private static String status(String stored) {
        return "ACTIVE".equals(stored) ? "valid" : stored.toLowerCase(Locale.ROOT);
    }

    LabelFindingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record New(UUID id, UUID labelId, UUID observationId, String campaignId, String address, String checkId, int port,
               String service, String summary, String fingerprint) {
    }

    void insert(List<New> rows, OffsetDateTime now) {
        template.batchUpdate("insert into survey_label_finding (id, label_id, observation_id, campaign_id, address,"
                        + " check_id, port, service, summary, fingerprint, state, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)", rows, 500, (ps, r) -> {
                    ps.setObject(1, r.id());
                    ps.setObject(2, r.labelId());
                    ps.setObject(3, r.observationId());
                    ps.setString(4, r.campaignId());
                    ps.setString(5, r.address());
                    ps.setString(6, r.checkId());
                    ps.setInt(7, r.port());
                    ps.setString(8, r.service());
                    ps.setString(9, r.summary());
                    ps.setString(10, r.fingerprint());
                    ps.setObject(11, now);
                });
    }

    Optional<LabelFinding> find(UUID id) {
        return jdbc.sql(SELECT + " where f.id = ?").param(id).query(ROW).optional();
    }

    /** A label's findings, the open ones first, then the newest. */
    List<LabelFinding> ofLabel(UUID label, int limit) {
        return jdbc.sql(SELECT + " where f.label_id = ? order by case when f.state = 'OPEN' then 0 else 1 end,"
                + " f.created_at desc, f.id limit " + limit).param(label).query(ROW).list();
    }

    /** Findings in a state across labels, by label, then campaign and address. */
    List<LabelFinding> inState(String state, int limit) {
        return jdbc.sql(SELECT + " where f.state = ? order by l.label_id, f.campaign_id, f.address, f.check_id, f.port"
                + " limit " + limit).param(state).query(ROW).list();
    }

    /** Decides an OPEN finding; false when it was decided already. */
    boolean decide(UUID id, String state, String by, String note, OffsetDateTime at) {
        return jdbc.sql("update survey_label_finding set state = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                        + " where id = ? and state = 'OPEN'")
                .params(state, by, at, note, id).update() == 1;
    }

    /**
     * Inserts the finding unless one exists for the same (label, observation, check, port); true when inserted. The
     * unique constraint decides, so concurrent passes cannot both insert (H2 runs in PostgreSQL mode).
     */
    boolean insertIfAbsent(New r, OffsetDateTime now) {
        return jdbc.sql("insert into survey_label_finding (id, label_id, observation_id, campaign_id, address, check_id,"
                        + " port, service, summary, fingerprint, state, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing")
                .params(r.id(), r.labelId(), r.observationId(), r.campaignId(), r.address(), r.checkId(), r.port(),
                        r.service(), r.summary(), r.fingerprint(), now).update() == 1;
    }

    /** Marks the observation's findings on labels not of {@code product} (null: on any label) as unmatched. */
    int markUnmatched(UUID observation, UUID product, OffsetDateTime now) {
        if (product == null) {
            return jdbc.sql("update survey_label_finding set unmatched_at = ? where observation_id = ?"
                    + " and unmatched_at is null").params(now, observation).update();
        }
        return jdbc.sql("update survey_label_finding set unmatched_at = ? where observation_id = ? and unmatched_at is null"
                + " and label_id not in (select id from label where product_id = ?)").params(now, observation, product)
                .update();
    }

    /** Clears the mark on the observation's findings on labels of {@code product}: it matches them again. */
    int clearUnmatched(UUID observation, UUID product) {
        return jdbc.sql("update survey_label_finding set unmatched_at = null where observation_id = ?"
                + " and unmatched_at is not null and label_id in (select id from label where product_id = ?)")
                .params(observation, product).update();
    }

    /** A finding's unique key, and whether it is marked unmatched. */
    record Existing(UUID labelId, UUID observationId, String checkId, int port, boolean unmatched) {
    }

    /**
     * The findings of these observations (a re-match page's), so that a pass that changes nothing writes nothing. The
     * ids go as one array joined from unnest, one prepared statement for any page (see AdvisoryRepository.array).
     */
    List<Existing> ofObservations(java.util.Collection<UUID> observations) {
        if (observations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select f.label_id, f.observation_id, f.check_id, f.port, f.unmatched_at from unnest(?) as t(v)"
                        + " join survey_label_finding f on f.observation_id = t.v")
                .param(new org.springframework.jdbc.support.SqlArrayValue("uuid", observations.toArray()))
                .query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), rs.getObject(5) != null)).list();
    }
}
