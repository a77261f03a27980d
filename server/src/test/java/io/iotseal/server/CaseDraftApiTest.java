package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.digest.Sha256;
import io.iotseal.disclosure.CraDrafts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 17 item 4 over the API (ADR 0097): a case reported through the public intake and marked actively exploited
 * gives the three CRA report drafts as JSON, valid against the draft schema and filled from the case, and as PDFs in
 * Japanese and English; a stage the case is not ready for is a 422 naming the case's field; another vendor gets
 * 404, the anonymous caller 401.
 */
class CaseDraftApiTest extends ApiTest {

    private static final AtomicInteger SOURCES = new AtomicInteger();
    private static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @Autowired
    private TestClock clock;
    @Autowired
    private ApplicationContext context;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private record Reported(UUID id, CaseFixtures.Labelled label, String marker) {
    }

    /** A report through the public intake about a new labelled product (versions 1.0.0 and 1.1.0; label for 1.0.0). */
    private Reported reported() throws Exception {
        CaseFixtures.Labelled l = CaseFixtures.labelled(context, world, "Draft Camera "
                + UUID.randomUUID().toString().substring(0, 8), false, "1.0.0", "1.1.0");
        String marker = "D" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> report = new HashMap<>();
        report.put("summary", "Admin page without login " + marker);
        report.put("details", "GET /cgi-bin/admin answers without a session. " + marker);
        report.put("affectedVersion", "1.1.0");
        report.put("activelyExploited", true);
        int n = SOURCES.incrementAndGet();
        MvcResult sent = mvc.perform(withJson(post("/api/v1/labels/" + l.labelId() + "/reports"), report)
                .with(r -> {
                    r.setRemoteAddr("198.51.100." + (n % 250 + 1));
                    return r;
                })).andReturn();
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
        UUID id = jdbc.sql("select case_id from disclosure_link where token_sha256 = ?")
                .param(Sha256.hex(body(sent).get("token").asText())).query(UUID.class).single();
        return new Reported(id, l, marker);
    }

    private MvcResult act(MockHttpServletRequestBuilder request, UUID id) throws Exception {
        String etag = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/cases/" + id))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        MvcResult r = mvc.perform(as(Who.VENDOR_ADMIN, request.header(HttpHeaders.IF_MATCH, etag))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return r;
    }

    private void facts(UUID id, Map<String, Object> facts) throws Exception {
        act(withJson(put("/api/v1/cases/" + id + "/facts"), facts), id);
    }

    private void moveTo(UUID id, String state, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("state", state);
        act(withJson(post("/api/v1/cases/" + id + "/transitions"), body), id);
    }

    private MvcResult draft(Who who, UUID id, String stage) throws Exception {
        return mvc.perform(as(who, get("/api/v1/cases/" + id + "/cra-drafts/" + stage))).andReturn();
    }

    /** The draft, which must be a 200 valid against the draft schema (checked by the networknt validator). */
    private JsonNode valid(UUID id, String stage) throws Exception {
        MvcResult r = draft(Who.VENDOR_MEMBER, id, stage);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).startsWith("application/json");
        assertThat(r.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        JsonNode d = body(r);
        assertThat(CraDrafts.problems(d)).isEmpty();
        assertThat(d.get("stage").asText()).isEqualTo(stage);
        return d;
    }

    private static List<String> fields(MvcResult problem) throws Exception {
        List<String> fields = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(problem.getResponse().getContentAsString())
                .path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static String pdfText(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(r.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        try (PDDocument doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void anActivelyExploitedCaseGivesTheThreeDraftsFilledFromTheCase() throws Exception {
        Reported c = reported();
        UUID id = c.id();
        clock.advance(Duration.ofHours(2));
        String cve = "CVE-2026-" + (10000 + SOURCES.incrementAndGet());
        facts(id, Map.of("activelyExploited", true, "cveId", cve, "cvssVector", VECTOR));
        JsonNode view = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/cases/" + id))).andReturn());
        Instant awareAt = Instant.parse(view.get("moments").get("exploitationKnownAt").asText());
        String vendor = jdbc.sql("select name from organization where id = ?").param(world.vendorA).query(String.class).single();
        String product = jdbc.sql("select name_en from product where id = ?").param(c.label().product())
                .query(String.class).single();

        JsonNode early = valid(id, "early-warning");
        assertThat(early.get("manufacturer").get("name").asText()).isEqualTo(vendor);
        assertThat(early.get("manufacturer").get("contact").asText()).isEqualTo("psirt@example.com");
        assertThat(early.get("product").get("name").asText()).isEqualTo(product);
        assertThat(early.get("product").get("versions").toString())
                .as("the reported version first, then the label's").isEqualTo("[\"1.1.0\",\"1.0.0\"]");
        assertThat(early.get("vulnerability").get("id").asText()).isEqualTo(id.toString());
        assertThat(early.get("vulnerability").get("cve").asText()).isEqualTo(cve);
        assertThat(early.get("activelyExploited").asBoolean()).isTrue();
        assertThat(Instant.parse(early.get("awareAt").asText())).isEqualTo(awareAt);
        assertThat(early.get("memberStates").asText()).isEqualTo("unknown");
        assertThat(early.has("description")).as("the early warning does not carry the report").isFalse();

        JsonNode notification = valid(id, "notification");
        assertThat(notification.get("description").asText()).contains("Admin page without login " + c.marker(),
                "GET /cgi-bin/admin answers without a session. " + c.marker());
        assertThat(notification.get("correctiveMeasuresTaken").asText()).isEqualTo("unknown");
        assertThat(notification.get("sensitivity").asText()).isEqualTo("unknown");

        // The fix makes the final report possible: severity and impact from the vector, the fix as the measure.
        moveTo(id, "ACKNOWLEDGED", Map.of());
        moveTo(id, "TRIAGED", Map.of());
        clock.advance(Duration.ofDays(3));
        moveTo(id, "FIXED", Map.of("fixedVersion", "1.2.0"));
        String measureAt = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/cases/" + id))).andReturn())
                .get("moments").get("correctiveMeasureAt").asText();
        JsonNode last = valid(id, "final-report");
        assertThat(last.get("severity").get("rating").asText()).isEqualTo("CRITICAL");
        assertThat(last.get("severity").get("cvss").get("vector").asText()).isEqualTo(VECTOR);
        assertThat(last.get("severity").get("cvss").get("baseScore").asDouble()).isEqualTo(9.8);
        assertThat(last.get("impact").asText()).contains("confidentiality high, integrity high, availability high");
        assertThat(last.get("correctiveMeasure").get("fixedVersions").toString()).isEqualTo("[\"1.2.0\"]");
        assertThat(Instant.parse(last.get("correctiveMeasure").get("availableAt").asText()))
                .isEqualTo(Instant.parse(measureAt));
        assertThat(last.get("maliciousActor").asText()).isEqualTo("unknown");
        // The notification now states the fix too.
        assertThat(valid(id, "notification").get("userMeasures").asText()).contains("1.2.0");

        // The operator reads them as well; the JSON is a download named after the stage and the CVE.
        MvcResult operator = draft(Who.OPERATOR_REVIEWER, id, "final-report");
        assertThat(operator.getResponse().getStatus()).isEqualTo(200);
        assertThat(operator.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"cra-final-report-" + cve + ".json\"");

        // The PDFs, in the language asked for (?lang=), else the page's (here Accept-Language).
        String ja = pdfText(mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/cases/" + id + "/cra-drafts/final-report.pdf")
                .param("lang", "ja"))).andReturn());
        assertThat(ja).contains(product, cve, "最終報告", "製品");
        String en = pdfText(mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/cases/" + id + "/cra-drafts/early-warning.pdf")
                .param("lang", "en"))).andReturn());
        assertThat(en).contains(product, cve, "early warning", "Product").doesNotContain("製品");
        MvcResult byHeader = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/cases/" + id + "/cra-drafts/notification.pdf")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9"))).andReturn();
        assertThat(pdfText(byHeader)).contains(product, cve, "脆弱性通知");
        assertThat(byHeader.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"cra-notification-" + cve + ".pdf\"");

        // Reading a draft changes nothing, and is not audited (reads of a case are not).
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ? and action like '%draft%'")
                .param(id.toString()).query(Long.class).single()).isZero();
    }

    @Test
    void aStageTheCaseIsNotReadyForIsA422NamingTheCasesField() throws Exception {
        UUID id = reported().id();
        facts(id, Map.of("activelyExploited", true, "cveId", "CVE-2026-0001"));
        // Positive control: the case is ready for the early warning and the notification.
        valid(id, "early-warning");
        valid(id, "notification");
        // Not for the final report: no CVSS vector, no fix.
        MvcResult last = draft(Who.VENDOR_MEMBER, id, "final-report");
        assertThat(last.getResponse().getStatus()).isEqualTo(422);
        assertThat(last.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(fields(last)).containsExactly("cvssVector", "fixedVersion");
        MvcResult lastPdf = draft(Who.VENDOR_MEMBER, id, "final-report.pdf");
        assertThat(lastPdf.getResponse().getStatus()).isEqualTo(422);
        assertThat(fields(lastPdf)).containsExactly("cvssVector", "fixedVersion");

        // A case not (or no longer) actively exploited has no CRA report at any stage.
        facts(id, Map.of("activelyExploited", false, "cveId", "CVE-2026-0001"));
        for (String stage : List.of("early-warning", "notification", "final-report")) {
            MvcResult r = draft(Who.VENDOR_ADMIN, id, stage);
            assertThat(r.getResponse().getStatus()).as(stage).isEqualTo(422);
            assertThat(fields(r)).as(stage).startsWith("activelyExploited");
        }
    }

    @Test
    void onlyTheCasesVendorAndTheOperatorReadTheDrafts() throws Exception {
        UUID id = reported().id();
        facts(id, Map.of("activelyExploited", true));
        // Positive control: the vendor's member and the operator's reviewer get the draft and its PDF.
        assertThat(draft(Who.VENDOR_MEMBER, id, "early-warning").getResponse().getStatus()).isEqualTo(200);
        assertThat(draft(Who.OPERATOR_REVIEWER, id, "early-warning.pdf").getResponse().getStatus()).isEqualTo(200);
        for (String path : List.of("early-warning", "early-warning.pdf")) {
            assertThat(draft(Who.OTHER_VENDOR_ADMIN, id, path).getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(draft(Who.LAB_EVALUATOR, id, path).getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(draft(Who.ANONYMOUS, id, path).getResponse().getStatus()).as(path).isEqualTo(401);
        }
        assertThat(draft(Who.OTHER_VENDOR_ADMIN, UUID.randomUUID(), "early-warning").getResponse().getStatus())
                .isEqualTo(404);

        // Bad input is named: an unknown stage, a language we do not write.
        MvcResult stage = draft(Who.VENDOR_MEMBER, id, "interim-report");
        assertThat(stage.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(stage)).containsExactly("stage");
        MvcResult stagePdf = draft(Who.VENDOR_MEMBER, id, "interim-report.pdf");
        assertThat(stagePdf.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(stagePdf)).containsExactly("stage");
        MvcResult lang = mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/cases/" + id + "/cra-drafts/early-warning.pdf")
                .param("lang", "fr"))).andReturn();
        assertThat(lang.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(lang)).containsExactly("lang");
    }

    @Test
    void theCasePageLinksTheDraftsOrSaysWhatEachStillNeeds() throws Exception {
        UUID id = reported().id();
        facts(id, Map.of("activelyExploited", true));
        String drafts = "/api/v1/cases/" + id + "/cra-drafts/";
        // Positive control: an exploited case links the early warning and the notification, JSON and PDF.
        String vendorPage = mvc.perform(as(Who.VENDOR_MEMBER, get("/vendor/cases/" + id).param("lang", "en"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(vendorPage).contains("IoTSeal does not submit them",
                "href=\"" + drafts + "early-warning.pdf?lang=en\"", "href=\"" + drafts + "early-warning\"",
                "href=\"" + drafts + "notification.pdf?lang=en\"", "href=\"" + drafts + "notification\"");
        // The final report is not ready: the page says what it needs instead of linking it.
        assertThat(vendorPage).doesNotContain(drafts + "final-report")
                .contains("Set the CVSS vector", "Mark the case as fixed with the fixed version");
        String operatorPage = mvc.perform(as(Who.OPERATOR_REVIEWER, get("/operator/cases/" + id).param("lang", "ja")))
                .andReturn().getResponse().getContentAsString();
        assertThat(operatorPage).contains("IoTSealは提出しません", "href=\"" + drafts + "early-warning.pdf?lang=ja\"");

        // Not exploited: no link at all, and the reason.
        facts(id, Map.of("activelyExploited", false));
        String notExploited = mvc.perform(as(Who.VENDOR_ADMIN, get("/vendor/cases/" + id).param("lang", "en"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(notExploited).doesNotContain(drafts).contains("Mark the case actively exploited");
    }
}
