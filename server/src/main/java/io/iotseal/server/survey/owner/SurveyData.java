package io.iotseal.server.survey.owner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the survey tables of V35 (survey_campaign, survey_observation) for owner notices and reports. It depends on
 * the tables only, never on the registry's survey package that writes them, so that the two can change apart.
 * Observations are streamed, never listed whole: a national campaign has millions.
 */
@Repository
public class SurveyData {

    public record Campaign(String id, String title, String legalBasis, String signedOffBy, OffsetDateTime signedOffAt,
                           OffsetDateTime windowFrom, OffsetDateTime windowUntil, String scopeSha256, long addressCount,
                           String registeredBy, OffsetDateTime registeredAt) {
    }

    /** A finding as iotseal-survey-observation/1 carries it (already redacted by the probe). */
    public record Finding(String check, Integer port, String service, String verdict, String summary,
                          List<String> requirements) {
    }

    public record Observation(UUID id, String address, OffsetDateTime observedAt, OffsetDateTime finishedAt,
                              boolean reached, boolean optedOut, String reachability, int failCount, UUID productId,
                              String productName, List<Finding> findings) {
    }

    private static final String OBSERVATION = "select o.id, o.address, o.observed_at, o.finished_at, o.reached,"
            + " o.opted_out, o.reachability, o.fail_count, o.product_id, p.name_en, o.findings_json"
            + " from survey_observation o left join product p on p.id = o.product_id";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    SurveyData(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public Optional<Campaign> find(String id) {
        return jdbc.sql("select * from survey_campaign where id = ?").param(id).query((rs, n) -> campaign(rs)).optional();
    }

    /** The campaign, or 404 naming it. */
    public Campaign campaign(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("survey campaign " + id));
    }

    /** Campaigns, the latest registered first (at most {@code limit}). */
    public List<Campaign> campaigns(int limit) {
        return jdbc.sql("select * from survey_campaign order by registered_at desc, id desc limit " + limit)
                .query((rs, n) -> campaign(rs)).list();
    }

    /** The campaign registered last before {@code c}, for a trend. */
    public Optional<Campaign> previous(Campaign c) {
        return jdbc.sql("select * from survey_campaign where registered_at < ? or (registered_at = ? and id < ?)"
                        + " order by registered_at desc, id desc limit 1")
                .params(c.registeredAt(), c.registeredAt(), c.id()).query((rs, n) -> campaign(rs)).optional();
    }

    /** Each observation of the campaign ({@code failingOnly}: those with a FAIL finding), in address order. */
    public void forEach(String campaign, boolean failingOnly, Consumer<Observation> each) {
        jdbc.sql(OBSERVATION + " where o.campaign_id = ?" + (failingOnly ? " and o.fail_count > 0" : "")
                        + " order by o.address")
                .param(campaign)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(observation(rs)));
    }

    public Optional<Observation> observation(String campaign, String address) {
        return jdbc.sql(OBSERVATION + " where o.campaign_id = ? and o.address = ?").params(campaign, address)
                .query((rs, n) -> observation(rs)).optional();
    }

    private Observation observation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Observation(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getInt(8),
                rs.getObject(9, UUID.class), rs.getString(10), findings(rs.getString(11)));
    }

    private List<Finding> findings(String json) {
        List<Finding> findings = new ArrayList<>();
        JsonNode array;
        try {
            array = json == null ? null : mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored observation's findings are not JSON", e);
        }
        if (array == null || !array.isArray()) {
            return findings;
        }
        for (JsonNode f : array) {
            List<String> requirements = new ArrayList<>();
            f.path("requirements").forEach(r -> requirements.add(r.asText()));
            findings.add(new Finding(f.path("check").asText(""), f.hasNonNull("port") ? f.get("port").asInt() : null,
                    f.path("service").asText(""), f.path("verdict").asText(""), f.path("summary").asText(""),
                    List.copyOf(requirements)));
        }
        return findings;
    }

    private Campaign campaign(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Campaign(rs.getString("id"), rs.getString("title"), rs.getString("legal_basis"),
                rs.getString("signed_off_by"), rs.getObject("signed_off_at", OffsetDateTime.class),
                rs.getObject("window_from", OffsetDateTime.class), rs.getObject("window_until", OffsetDateTime.class),
                rs.getString("scope_sha256"), rs.getLong("address_count"), rs.getString("registered_by"),
                rs.getObject("registered_at", OffsetDateTime.class));
    }
}
