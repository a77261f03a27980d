package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.server.survey.SurveyRematch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Re-matching stored observations when fingerprints change (ADR 0108): a device uploaded before its vendor declared
 * the fingerprint becomes a finding on the label once the queued job has run; a removal unlinks the device and marks
 * its findings without deleting them; declaring again clears the mark; the operator re-matches a campaign on demand;
 * and a pass run again creates no second finding and no second event.
 */
class SurveyRematchTest extends ApiTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private SurveyRematch rematch;

    private static Map<String, Object> scope(String id) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", "iotseal-survey-scope/1");
        s.put("id", id);
        s.put("title", "Re-match survey " + id);
        s.put("blocks", List.of("127.23.0.0/18"));
        s.put("ports", List.of(80, 8080));
        s.put("checks", List.of("open-services", "default-credentials"));
        s.put("credentials", List.of(Map.of("username", "admin", "password", "admin")));
        s.put("rate", 300);
        s.put("window", Map.of("from", "2026-12-01T00:00:00Z", "until", "2026-12-31T23:59:59Z"));
        s.put("legalBasis", "Test statement of the operator");
        s.put("signedOffBy", "Jane Doe, survey lead");
        s.put("signedOffAt", "2026-11-30T09:00:00Z");
        s.put("blockSize", 256);
        return s;
    }

    /** A registered campaign: its id and scope SHA-256. */
    private String[] campaign() throws Exception {
        String id = "rm-" + UUID.randomUUID().toString().substring(0, 12);
        MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(put("/api/v1/surveys/" + id), scope(id)))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return new String[]{id, body(r).get("scopeSha256").asText()};
    }

    private void upload(String[] c, String address, String title) throws Exception {
        uploadLines(c, line(c, address, title));
    }

    private void uploadLines(String[] c, String ndjson) throws Exception {
        MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/surveys/" + c[0] + "/observations")
                .contentType("application/x-ndjson").content(ndjson.getBytes(StandardCharsets.UTF_8)))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    }

    private String line(String[] c, String address, String title) throws Exception {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("format", "iotseal-survey-observation/1");
        o.put("campaign", c[0]);
        o.put("scopeSha256", c[1]);
        o.put("address", address);
        o.put("observedAt", "2026-12-01T17:00:00Z");
        o.put("finishedAt", "2026-12-01T17:00:01Z");
        o.put("reached", true);
        o.put("optedOut", false);
        o.put("reachability", "port 8080 open");
        o.put("services", List.of(Map.of("port", 8080, "service", "http")));
        o.put("fingerprints", List.of(Map.of("kind", "HTTP_TITLE", "port", 8080, "value", title)));
        o.put("findings", List.of(Map.of("check", "default-credentials", "port", 8080, "service", "http",
                "verdict", "FAIL", "summary", "logged in with a default credential (admin/[redacted])",
                "requirements", List.of())));
        o.put("worker", "host-1/pid-1");
        return json.writeValueAsString(o);
    }

    private record Labelled(UUID product, UUID label) {
    }

    private Labelled label(UUID product) {
        UUID assessment = new AssessmentFixtures(context, world).accepted("de-bsi-label:label", product, "1.0.0").id();
        UUID label = jdbc.sql("select id from label where assessment_id = ?").param(assessment).query(UUID.class).single();
        return new Labelled(product, label);
    }

    private UUID product(String name) {
        return new AssessmentFixtures(context, world).product(name, LocalDate.of(2031, 12, 31));
    }

    private UUID declare(UUID product, String value) throws Exception {
        MvcResult r = mvc.perform(as(Who.VENDOR_MEMBER, withJson(post("/api/v1/products/" + product + "/fingerprints"),
                Map.of("kind", "HTTP_TITLE", "matchType", "EXACT", "value", value)))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return UUID.fromString(body(r).get("id").asText());
    }

    /** Waits until the scheduler has run every queued re-match (they run in the background, ADR 0108). */
    private void jobsDone() throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (jdbc.sql("select count(*) from scheduled_tasks where task_name = 'survey-rematch'").query(Long.class)
                .single() > 0) {
            assertThat(System.nanoTime()).as("the queued re-match ran within a minute").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private UUID linked(String campaign, String address) {
        return jdbc.sql("select product_id from survey_observation where campaign_id = ? and address = ?")
                .params(campaign, address).query(UUID.class).optional().orElse(null);
    }

    /** The label's findings as state and whether marked unmatched. */
    private List<String> findings(UUID label) {
        return jdbc.sql("select state, unmatched_at from survey_label_finding where label_id = ? order by created_at")
                .param(label).query((rs, n) -> rs.getString(1) + (rs.getObject(2) == null ? "" : " unmatched")).list();
    }

    /** The label's survey events (the outbox names a label by its public code). */
    private long events(UUID label) {
        return jdbc.sql("select count(*) from notification_event where type = 'survey.label-finding' and label_id ="
                + " (select label_id from label where id = ?)").param(label).query(Long.class).single();
    }

    @Test
    void aFingerprintDeclaredAfterTheUploadMakesTheFindingAndARemovalMarksIt() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        Labelled cam = label(product("Rematch NetCam " + r));
        String[] c = campaign();
        upload(c, "127.23.0.1", r + " NetCam");
        assertThat(linked(c[0], "127.23.0.1")).as("nothing declared yet").isNull();
        assertThat(findings(cam.label())).isEmpty();

        UUID declared = declare(cam.product(), r + " NetCam");
        jobsDone();
        assertThat(linked(c[0], "127.23.0.1")).isEqualTo(cam.product());
        assertThat(findings(cam.label())).containsExactly("OPEN");
        assertThat(events(cam.label())).isEqualTo(1);
        // Idempotent: the same pass again, twice, finds everything in place.
        for (int i = 0; i < 2; i++) {
            SurveyRematch.Result again = rematch.run(SurveyRematch.Scope.ofKind("HTTP_TITLE"));
            assertThat(again.examined()).isPositive();
        }
        assertThat(findings(cam.label())).containsExactly("OPEN");
        assertThat(events(cam.label())).isEqualTo(1);

        // Removed: the device is no longer the product's; the finding stays as evidence, marked.
        MvcResult removed = mvc.perform(as(Who.VENDOR_MEMBER, delete("/api/v1/products/" + cam.product()
                + "/fingerprints/" + declared))).andReturn();
        assertThat(removed.getResponse().getStatus()).isBetween(200, 204);
        jobsDone();
        assertThat(linked(c[0], "127.23.0.1")).isNull();
        assertThat(findings(cam.label())).containsExactly("OPEN unmatched");
        JsonNode listed = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/labels/" + cam.label()
                + "/survey-findings"))).andReturn());
        assertThat(listed.get(0).get("unmatchedAt").isNull()).as(listed.toString()).isFalse();
        assertThat(listed.get(0).get("state").asText()).isEqualTo("OPEN");

        // Declared again: linked again, the mark cleared, no second finding and no second event.
        declare(cam.product(), r + " NetCam");
        jobsDone();
        rematch.run(SurveyRematch.Scope.ofKind("HTTP_TITLE"));
        assertThat(linked(c[0], "127.23.0.1")).isEqualTo(cam.product());
        assertThat(findings(cam.label())).containsExactly("OPEN");
        assertThat(events(cam.label())).isEqualTo(1);

        // Another product declaring the same EXACT title is a tie: the device is neither's, and the finding marked.
        declare(product("Rematch lookalike " + r), r + " NetCam");
        jobsDone();
        assertThat(linked(c[0], "127.23.0.1")).isNull();
        assertThat(findings(cam.label())).containsExactly("OPEN unmatched");
    }

    @Test
    void theOperatorReMatchesACampaignOnDemand() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        UUID router = product("Rematch router " + r);
        declare(router, r + " Router");
        jobsDone();
        String[] c = campaign();
        upload(c, "127.23.0.7", r + " Router");
        assertThat(linked(c[0], "127.23.0.7")).isEqualTo(router);
        // The product is labelled after the upload: only a re-match makes the finding.
        Labelled labelled = label(router);
        assertThat(findings(labelled.label())).isEmpty();

        assertThat(mvc.perform(as(Who.OPERATOR_REVIEWER, post("/api/v1/surveys/" + c[0] + "/rematch"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/surveys/rm-nosuchcampaign/rematch"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        MvcResult queued = mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/surveys/" + c[0] + "/rematch"))).andReturn();
        assertThat(queued.getResponse().getStatus()).isEqualTo(202);
        assertThat(body(queued).get("status").asText()).isEqualTo("queued");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'survey.campaign.rematch' and entity_id = ?")
                .param(c[0]).query(Long.class).single()).isEqualTo(1);
        jobsDone();
        assertThat(findings(labelled.label())).containsExactly("OPEN");
        assertThat(events(labelled.label())).isEqualTo(1);
        assertThat(jdbc.sql("select data from notification_event where type = 'survey.label-finding' and label_id ="
                        + " (select label_id from label where id = ?)")
                .param(labelled.label()).query(String.class).single()).contains(c[0]).contains("\"rematch\":true");

        SurveyRematch.Result again = rematch.run(SurveyRematch.Scope.ofCampaign(c[0]));
        assertThat(again.examined()).isEqualTo(1);
        assertThat(again.created()).isZero();
        assertThat(again.relinked()).isZero();
        assertThat(events(labelled.label())).isEqualTo(1);
        assertThat(new ArrayList<>(findings(labelled.label()))).hasSize(1);
    }

    @Test
    void aPassGoesThroughEveryPage() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        Labelled cam = label(product("Rematch pages " + r));
        String[] c = campaign();
        // More than two pages (SurveyRematch.PAGE is 1,000): the keyset paging must reach every device once.
        int devices = 2_345;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < devices; i++) {
            lines.append(line(c, "127.23." + (i / 250 + 10) + "." + (i % 250 + 1), r + " Paged")).append('\n');
        }
        uploadLines(c, lines.toString());
        declare(cam.product(), r + " Paged");
        jobsDone();
        SurveyRematch.Result again = rematch.run(SurveyRematch.Scope.ofCampaign(c[0]));
        assertThat(again.examined()).isEqualTo(devices);
        assertThat(again.created()).isZero();
        assertThat(jdbc.sql("select count(*) from survey_observation where campaign_id = ? and product_id = ?")
                .params(c[0], cam.product()).query(Long.class).single()).isEqualTo(devices);
        assertThat(findings(cam.label())).hasSize(devices);
        assertThat(events(cam.label())).as("one event per label per pass, however many pages").isEqualTo(1);
    }
}
