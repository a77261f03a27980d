package io.iotseal.server.survey;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for campaigns (V35 {@code survey_campaign}), with their counts. */
@Repository
class CampaignRepository {

    private static final String SELECT = "select c.*,"
            + " (select count(*) from survey_observation o where o.campaign_id = c.id) as observations,"
            + " (select count(*) from survey_observation o where o.campaign_id = c.id and o.product_id is not null) as matched,"
            + " (select count(*) from survey_label_finding f where f.campaign_id = c.id and f.state = 'OPEN') as open_findings"
            + " from survey_campaign c";

    private static final RowMapper<Campaign> ROW = (rs, n) -> new Campaign(rs.getString("id"), rs.getString("title"),
            rs.getString("legal_basis"), rs.getString("signed_off_by"), rs.getObject("signed_off_at", OffsetDateTime.class),
            rs.getObject("window_from", OffsetDateTime.class), rs.getObject("window_until", OffsetDateTime.class),
            rs.getString("scope_sha256"), rs.getLong("address_count"), rs.getString("registered_by"),
            rs.getObject("registered_at", OffsetDateTime.class), rs.getLong("observations"), rs.getLong("matched"),
            rs.getLong("open_findings"), rs.getString("scope_json"));

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Campaign> find(String id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(ROW).optional();
    }

    List<Campaign> all() {
        return jdbc.sql(SELECT + " order by c.registered_at desc, c.id").query(ROW).list();
    }

    /** The campaign's scope hash and JSON, locking its row: uploads to one campaign take turns (see IngestService). */
    Optional<String[]> lockScope(String id) {
        return jdbc.sql("select scope_sha256, scope_json from survey_campaign where id = ? for update").param(id)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    void insert(SurveyScope s, String by, OffsetDateTime at) {
        jdbc.sql("insert into survey_campaign (id, title, legal_basis, signed_off_by, signed_off_at, window_from,"
                        + " window_until, scope_json, scope_sha256, address_count, registered_by, registered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.title(), s.legalBasis(), s.signedOffBy(), s.signedOffAt(), s.windowFrom(),
                        s.windowUntil(), s.canonicalJson(), s.sha256(), s.blocks().addressCount(), by, at)
                .update();
    }
}
