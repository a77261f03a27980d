package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.oscal.OscalSchemas;
import io.iotseal.server.assessment.AssessmentAccepted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 4's "done when", through the API alone: a ★1 self-declaration from nothing to accepted with
 * the OSCAL results downloaded; a ★3-style assessment through a lab; prefill of ★1 from an accepted
 * EN 303 645 assessment, each prefilled answer with its provenance. Then the bad input, each leaving
 * the assessment as it was.
 */
@RecordApplicationEvents
class AssessmentApiTest extends ApiTest {

    @Autowired
    private ApplicationEvents events;

    private static final AtomicInteger COUNTER = new AtomicInteger();

    // --- helpers: each is one API call, checked ---------------------------------------------------

    private JsonNode call(Who who, MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(as(who, request)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        String body = result.getResponse().getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    /** A new product of vendor A with one version, made by vendor A's admin. */
    private String newProduct() throws Exception {
        JsonNode p = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"),
                World.product(world.vendorA, "Assessed router " + COUNTER.incrementAndGet(), false)), 201);
        String id = p.get("id").asText();
        call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + id + "/versions"),
                Map.of("version", "2.0.0", "releaseDate", "2026-10-01")), 201);
        return id;
    }

    private JsonNode newAssessment(String productId, String target) throws Exception {
        return call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"),
                Map.of("productId", productId, "productVersion", "2.0.0", "target", target)), 201);
    }

    private JsonNode read(Who who, String id) throws Exception {
        return call(who, get("/api/v1/assessments/" + id), 200);
    }

    private static String etag(JsonNode assessment) {
        return "\"" + assessment.get("version").asLong() + "\"";
    }

    /** Answers every requirement that needs one with a pass (a person's answer). */
    private JsonNode passAll(Who who, JsonNode a) throws Exception {
        ObjectNode body = json.createObjectNode();
        ArrayNode answers = body.putArray("answers");
        for (JsonNode r : a.get("requirements")) {
            if (!r.get("applicability").asText().equals("not-applicable")) {
                answers.addObject().put("requirement", r.get("requirement").asText()).put("verdict", "pass")
                        .put("justification", "Checked on the device, report TR-" + r.get("requirement").asText());
            }
        }
        return call(who, withJson(put("/api/v1/assessments/" + a.get("id").asText() + "/answers"), body)
                .header(HttpHeaders.IF_MATCH, etag(a)), 200);
    }

    private JsonNode act(Who who, JsonNode a, String action, String comment, int status) throws Exception {
        ObjectNode body = json.createObjectNode().put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        return call(who, withJson(post("/api/v1/assessments/" + a.get("id").asText() + "/transitions"), body)
                .header(HttpHeaders.IF_MATCH, etag(a)), status);
    }

    /** An evidence upload with the assessment's ETag; {@code params} are name, value, name, value... */
    private MockHttpServletRequestBuilder upload(JsonNode a, String type, byte[] content, String... params) {
        return upload(a, etag(a), type, content, params);
    }

    private MockHttpServletRequestBuilder upload(JsonNode a, String ifMatch, String type, byte[] content, String... params) {
        MockHttpServletRequestBuilder request = post("/api/v1/assessments/" + a.get("id").asText() + "/evidence")
                .contentType(type).content(content).header(HttpHeaders.IF_MATCH, ifMatch);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    // --- done when --------------------------------------------------------------------------------

    @Test
    void vendorTakesAProductFromNothingToAnAcceptedStarOneDeclarationWithOscalResults() throws Exception {
        String product = newProduct();
        MockHttpServletRequestBuilder create = withJson(post("/api/v1/assessments"),
                Map.of("productId", product, "productVersion", "2.0.0", "target", "jc-star:star-1"))
                .header("Idempotency-Key", "star1-" + product);
        JsonNode a = call(Who.VENDOR_ADMIN, create, 201);
        assertThat(call(Who.VENDOR_ADMIN, create, 201).get("id")).isEqualTo(a.get("id")); // replayed, not a second one
        assertThat(a.get("route").asText()).isEqualTo("self-declaration");
        assertThat(a.get("state").asText()).isEqualTo("draft");
        assertThat(a.get("requirements")).hasSize(16);
        assertThat(a.get("problems")).hasSize(16);
        String id = a.get("id").asText();

        byte[] report = "Default passwords: unique per device (serial-derived, 12 chars).\n".getBytes(StandardCharsets.UTF_8);
        JsonNode ev = call(Who.VENDOR_MEMBER, upload(a, "text/plain", report,
                "fileName", "passwords.txt", "requirement", "jc-star-star1#S1.1-02"), 201);
        a = read(Who.VENDOR_ADMIN, id);
        // The same file again, same place: the first attachment answers, nothing new is stored.
        JsonNode again = call(Who.VENDOR_MEMBER, upload(a, "text/plain", report,
                "fileName", "passwords.txt", "requirement", "jc-star-star1#S1.1-02"), 200);
        assertThat(again.get("id")).isEqualTo(ev.get("id"));

        a = passAll(Who.VENDOR_MEMBER, a);
        assertThat(a.get("problems")).isEmpty();
        JsonNode s102 = a.get("requirements").get(1);
        assertThat(s102.at("/answer/evidence/0").asText()).isEqualTo(ev.get("sha256").asText());

        a = act(Who.VENDOR_ADMIN, a, "submit", null, 200);
        assertThat(a.get("state").asText()).isEqualTo("submitted");
        JsonNode early = call(Who.VENDOR_ADMIN, get("/api/v1/assessments/" + id + "/declaration"), 409);
        assertThat(early.at("/errors/0/field").asText()).isEqualTo("state");
        act(Who.OPERATOR_REVIEWER, a, "request-changes", null, 400);
        a = act(Who.OPERATOR_REVIEWER, a, "request-changes", "Attach the password generation description", 200);
        assertThat(a.get("state").asText()).isEqualTo("changes-requested");
        a = act(Who.VENDOR_ADMIN, a, "submit", "Attached", 200);
        a = act(Who.OPERATOR_REVIEWER, a, "accept", "Conforms to ★1", 200);
        assertThat(a.get("state").asText()).isEqualTo("accepted");
        assertThat(a.get("allowedActions")).isEmpty();
        // The hook for label issuance (issue 5): one event, for this assessment, on acceptance only.
        assertThat(events.stream(AssessmentAccepted.class)).singleElement().satisfies(e -> {
            assertThat(e.assessmentId().toString()).isEqualTo(id);
            assertThat(e.target()).isEqualTo("jc-star:star-1");
            assertThat(e.productVersion()).isEqualTo("2.0.0");
        });
        assertThat(a.get("transitions")).extracting(t -> t.get("action").asText())
                .containsExactly("submit", "request-changes", "submit", "accept");
        assertThat(a.at("/transitions/1/comment").asText()).contains("password generation");
        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'assessment' and entity_id = ?")
                .param(id).query(Long.class).single();
        assertThat(audited).isEqualTo(1 + 1 + 1 + 4); // create, evidence, answers, four transitions

        MvcResult oscal = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/assessments/" + id + "/oscal"))).andReturn();
        assertThat(oscal.getResponse().getStatus()).isEqualTo(200);
        assertThat(oscal.getResponse().getContentType()).startsWith("application/json");
        JsonNode doc = json.readTree(oscal.getResponse().getContentAsString());
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
        assertThat(doc.at("/assessment-results/results/0/findings")).hasSize(16);

        String text = declarationText(Who.VENDOR_MEMBER, id);
        assertThat(text).contains("適合宣言書", "Declaration of Conformity", "自己適合宣言", "Self-declaration",
                "Vendor A", "ベンダーA", "★1", "S1.1-16", "適合 / Pass", "2.0.0",
                "当社は、上記の製品が上記の適合基準に適合していることを宣言します。");

        MvcResult file = mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/assessments/" + id + "/evidence/"
                + ev.get("sha256").asText()))).andReturn();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(report);
        assertThat(file.getResponse().getContentType()).startsWith("text/plain");
        // The other vendor and the public see nothing of it.
        call(Who.OTHER_VENDOR_ADMIN, get("/api/v1/assessments/" + id), 404);
        call(Who.OTHER_VENDOR_ADMIN, get("/api/v1/assessments/" + id + "/oscal"), 404);
        call(Who.ANONYMOUS, get("/api/v1/assessments/" + id), 401);
    }

    @Test
    void aThirdPartyAssessmentGoesThroughTheAssignedLab() throws Exception {
        String product = newProduct();
        JsonNode a = newAssessment(product, AssessmentFixtures.THIRD_PARTY_TARGET);
        String id = a.get("id").asText();
        assertThat(a.get("route").asText()).isEqualTo("third-party");
        call(Who.LAB_EVALUATOR, get("/api/v1/assessments/" + id), 404); // not assigned yet
        act(Who.VENDOR_ADMIN, a, "submit", null, 409); // the third-party route has no vendor submission

        ObjectNode assign = json.createObjectNode().put("action", "assign-lab").put("labId", world.lab.toString());
        act(Who.OPERATOR_REVIEWER, a, "assign-lab", null, 403); // admins assign labs
        a = call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/assessments/" + id + "/transitions"), assign)
                .header(HttpHeaders.IF_MATCH, etag(a)), 200);
        assertThat(a.get("state").asText()).isEqualTo("lab-assigned");
        a = act(Who.LAB_EVALUATOR, read(Who.LAB_EVALUATOR, id), "start-evaluation", null, 200);

        JsonNode testCase = call(Who.LAB_EVALUATOR, withJson(post("/api/v1/assessments/" + id + "/test-cases"),
                Map.of("requirement", AssessmentFixtures.THIRD_PARTY_REQUIREMENT, "testId", "TC-5.1-5-1", "kind", "functional",
                        "verdict", "pass", "description", "500 wrong logins over the network",
                        "result", "locked out after 5 attempts")).header(HttpHeaders.IF_MATCH, etag(a)), 201);
        assertThat(testCase.get("kind").asText()).isEqualTo("functional");
        a = read(Who.LAB_EVALUATOR, id);
        a = passAll(Who.LAB_EVALUATOR, a);
        act(Who.LAB_EVALUATOR, a, "lab-submit", null, 422); // no report yet
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        call(Who.LAB_EVALUATOR, upload(a, "application/pdf", pdf, "fileName", "report.pdf", "kind", "lab-report"), 201);
        a = read(Who.LAB_EVALUATOR, id);
        a = act(Who.LAB_EVALUATOR, a, "lab-submit", "Evaluation complete", 200);
        assertThat(a.get("state").asText()).isEqualTo("lab-submitted");
        a = act(Who.OPERATOR_REVIEWER, a, "accept", null, 200);
        assertThat(a.get("state").asText()).isEqualTo("accepted");
        assertThat(a.get("testCases")).hasSize(1);

        JsonNode doc = call(Who.LAB_EVALUATOR, get("/api/v1/assessments/" + id + "/oscal"), 200);
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
        assertThat(doc.at("/assessment-results/results/0/observations/0/title").asText()).contains("TC-5.1-5-1");
        assertThat(doc.at("/assessment-results/results/0/observations/0/methods/0").asText()).isEqualTo("TEST");
        assertThat(declarationText(Who.VENDOR_ADMIN, id)).contains("第三者評価", "Third-party evaluation", "(Lab)",
                "Level 3");
    }

    /**
     * Downloads the declaration and extracts its text, as a reader of the PDF would get it: no
     * normalisation, so 言 must come out as 言 and not as the radical ⾔ that shares its glyph (ADR 0044).
     */
    private String declarationText(Who who, String id) throws Exception {
        MvcResult pdf = mvc.perform(as(who, get("/api/v1/assessments/" + id + "/declaration"))).andReturn();
        assertThat(pdf.getResponse().getStatus()).as(pdf.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        byte[] bytes = pdf.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text.codePoints().filter(c -> c >= 0x2E80 && c <= 0x2FDF)).as("CJK radicals in " + text).isEmpty();
            return text;
        }
    }

    @Test
    void prefillFromAnAcceptedEn303645AssessmentFillsStarOneWithProvenance() throws Exception {
        String product = newProduct();
        JsonNode en = newAssessment(product, "etsi-en-303-645");
        en = passAll(Who.VENDOR_ADMIN, en);
        en = act(Who.VENDOR_ADMIN, en, "submit", null, 200);
        act(Who.OPERATOR_ADMIN, en, "accept", null, 200);

        JsonNode star = newAssessment(product, "jc-star:star-1");
        String id = star.get("id").asText();
        ObjectNode mine = json.createObjectNode();
        mine.putArray("answers").addObject().put("requirement", "jc-star-star1#S1.1-04").put("verdict", "pass")
                .put("justification", "Our own brute-force test");
        star = call(Who.VENDOR_ADMIN, withJson(put("/api/v1/assessments/" + id + "/answers"), mine)
                .header(HttpHeaders.IF_MATCH, etag(star)), 200);

        JsonNode report = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments/" + id + "/prefill"),
                Map.of("fromAssessmentId", en.get("id").asText())).header(HttpHeaders.IF_MATCH, etag(star)), 200);
        assertThat(report.get("prefilled")).extracting(JsonNode::asText).contains("jc-star-star1#S1.1-05")
                .doesNotContain("jc-star-star1#S1.1-04");
        assertThat(report.get("keptPersonAnswers")).extracting(JsonNode::asText).containsExactly("jc-star-star1#S1.1-04");
        assertThat(report.get("hints")).isNotEmpty();

        JsonNode after = read(Who.VENDOR_ADMIN, id);
        for (JsonNode r : after.get("requirements")) {
            String ref = r.get("requirement").asText();
            if (ref.equals("jc-star-star1#S1.1-04")) {
                assertThat(r.at("/answer/justification").asText()).isEqualTo("Our own brute-force test");
                assertThat(r.at("/answer/provenance").isNull()).isTrue();
            } else if (ref.equals("jc-star-star1#S1.1-05")) {
                JsonNode p = r.at("/answer/provenance");
                assertThat(r.at("/answer/verdict").asText()).isEqualTo("pass");
                assertThat(p.get("sourceAssessment").asText()).isEqualTo(en.get("id").asText());
                assertThat(p.at("/origin/catalog").asText()).isEqualTo("etsi-en-303-645");
                assertThat(p.get("originVerdict").asText()).isEqualTo("pass");
                assertThat(p.get("chain")).isNotEmpty();
                assertThat(p.get("weakestConfidence").asText()).isNotBlank();
            }
        }
        // A draft cannot be the source: only finished work is reused.
        JsonNode other = newAssessment(product, "jc-star:star-1");
        call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments/" + other.get("id").asText() + "/prefill"),
                Map.of("fromAssessmentId", id)).header(HttpHeaders.IF_MATCH, etag(other)), 409);
    }

    // --- bad input --------------------------------------------------------------------------------

    /** "report" + U+202E + "txt.exe" shows as "reportexe.txt": bidi controls in a file name only serve to mislead. */
    @Test
    void evidenceFileNamesLoseBidiControlCharacters() throws Exception {
        JsonNode a = newAssessment(newProduct(), "jc-star:star-1");
        JsonNode ev = call(Who.VENDOR_ADMIN, upload(a, "text/plain", "notes".getBytes(StandardCharsets.UTF_8),
                "fileName", "report\u202Etxt.exe\u2066\u200F\u061C"), 201);
        assertThat(ev.get("fileName").asText()).isEqualTo("reporttxt.exe");
        JsonNode onlyBidi = call(Who.VENDOR_ADMIN, upload(read(Who.VENDOR_ADMIN, a.get("id").asText()), "text/plain",
                "other".getBytes(StandardCharsets.UTF_8), "fileName", "\u202E\u2069"), 400);
        assertThat(onlyBidi.at("/errors/0/field").asText()).isEqualTo("fileName");
    }

    @Test
    void badEvidenceIsRefusedNamingTheFieldAndTheAssessmentStaysAsItWas() throws Exception {
        JsonNode a = newAssessment(newProduct(), "jc-star:star-1");
        String id = a.get("id").asText();

        JsonNode tooLarge = call(Who.VENDOR_ADMIN, upload(a, "text/plain", new byte[65537], "fileName", "big.txt"), 413);
        assertThat(tooLarge.at("/errors/0/field").asText()).isEqualTo("file");
        JsonNode mismatch = call(Who.VENDOR_ADMIN, upload(a, "application/pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8), "fileName", "fake.pdf"), 415);
        assertThat(mismatch.at("/errors/0/field").asText()).isEqualTo("Content-Type");
        assertThat(mismatch.get("detail").asText()).contains("text/plain");
        call(Who.VENDOR_ADMIN, upload(a, "application/octet-stream", new byte[]{1, 2}, "fileName", "x.bin"), 415);
        JsonNode elf = call(Who.VENDOR_ADMIN, upload(a, "image/png", new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0},
                "fileName", "x.png"), 415);
        assertThat(elf.get("detail").asText()).contains("none of");
        JsonNode empty = call(Who.VENDOR_ADMIN, upload(a, "text/plain", new byte[0], "fileName", "empty.txt"), 400);
        assertThat(empty.at("/errors/0/field").asText()).isEqualTo("file");
        JsonNode outside = call(Who.VENDOR_ADMIN, upload(a, "text/plain", "x".getBytes(StandardCharsets.UTF_8),
                "fileName", "a.txt", "requirement", "etsi-en-303-645#5.1-1"), 400);
        assertThat(outside.at("/errors/0/field").asText()).isEqualTo("requirement");
        call(Who.VENDOR_ADMIN, upload(a, "\"99\"", "text/plain", "x".getBytes(StandardCharsets.UTF_8), "fileName", "a.txt"), 412);

        JsonNode now = read(Who.VENDOR_ADMIN, id);
        assertThat(now.get("version")).isEqualTo(a.get("version"));
        assertThat(now.get("evidence")).isEmpty();
    }

    @Test
    void evidenceIsContentAddressedAndReusedAcrossAssessments() throws Exception {
        byte[] png = new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String product = newProduct();
        JsonNode first = newAssessment(product, "jc-star:star-1");
        JsonNode second = newAssessment(product, "etsi-en-303-645");
        JsonNode e1 = call(Who.VENDOR_ADMIN, upload(first, "image/png", png, "fileName", "label.png"), 201);
        JsonNode e2 = call(Who.VENDOR_ADMIN, upload(second, "image/png", png, "fileName", "label-copy.png"), 201);
        assertThat(e2.get("sha256")).isEqualTo(e1.get("sha256"));
        assertThat(e1.get("sha256").asText()).hasSize(64);
        assertThat(jdbc.sql("select count(*) from evidence_blob where sha256 = ?").param(e1.get("sha256").asText())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from assessment_evidence where sha256 = ?").param(e1.get("sha256").asText())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aVerdictOutsideTheAssessmentOrADisallowedTransitionChangesNothing() throws Exception {
        JsonNode a = newAssessment(newProduct(), "jc-star:star-1");
        String id = a.get("id").asText();
        ObjectNode body = json.createObjectNode();
        ArrayNode answers = body.putArray("answers");
        answers.addObject().put("requirement", "jc-star-star1#S1.1-01").put("verdict", "pass");
        answers.addObject().put("requirement", "etsi-en-303-645#5.1-1").put("verdict", "pass");
        answers.addObject().put("requirement", "jc-star-star1#S1.1-03").put("verdict", "not-applicable");
        JsonNode bad = call(Who.VENDOR_ADMIN, withJson(put("/api/v1/assessments/" + id + "/answers"), body)
                .header(HttpHeaders.IF_MATCH, etag(a)), 400);
        assertThat(bad.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("answers[1].requirement", "answers[2].justification");
        assertThat(read(Who.VENDOR_ADMIN, id).get("requirements")).allMatch(r -> r.get("answer").isNull());

        JsonNode accept = act(Who.OPERATOR_ADMIN, a, "accept", null, 409);
        assertThat(accept.at("/errors/0/field").asText()).isEqualTo("action");
        assertThat(accept.get("detail").asText()).contains("allowed: submit");
        JsonNode incomplete = act(Who.VENDOR_ADMIN, a, "submit", null, 422);
        assertThat(incomplete.get("errors")).hasSize(16);
        assertThat(incomplete.at("/errors/0/field").asText()).isEqualTo("answers[jc-star-star1#S1.1-01]");
        act(Who.VENDOR_ADMIN, a, "accept", null, 403); // the vendor cannot accept its own declaration
        JsonNode now = read(Who.VENDOR_ADMIN, id);
        assertThat(now.get("state").asText()).isEqualTo("draft");
        assertThat(now.get("version")).isEqualTo(a.get("version"));

        call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"),
                Map.of("productId", world.productA.toString(), "productVersion", "1.0.0", "target", "jc-star:star-9")), 400);
        JsonNode noVersion = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"),
                Map.of("productId", world.productA.toString(), "productVersion", "7.7", "target", "jc-star:star-1")), 400);
        assertThat(noVersion.at("/errors/0/field").asText()).isEqualTo("productVersion");
        JsonNode typo = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"), Map.of("productId",
                world.productA.toString(), "productVersion", "1.0.0", "target", "etsi-en-303-645",
                "features", Map.of("zz", true))), 400);
        assertThat(typo.at("/errors/0/field").asText()).isEqualTo("features.zz");
    }

    /** A product in no scheme's scope, or outside the target scheme's own scope, cannot be assessed for it. */
    @Test
    void aProductOutsideTheTargetSchemesScopeCannotBeAssessedAgainstIt() throws Exception {
        ObjectNode phone = json.valueToTree(World.product(world.vendorA, "Phone P" + COUNTER.incrementAndGet(), false));
        phone.put("category", "SMARTPHONE");
        String id = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), phone), 201).get("id").asText();
        call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + id + "/versions"),
                Map.of("version", "2.0.0", "releaseDate", "2026-10-01")), 201);

        JsonNode refused = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"),
                Map.of("productId", id, "productVersion", "2.0.0", "target", "jc-star:star-1")), 422);
        assertThat(refused.at("/errors/0/field").asText()).isEqualTo("target");
        assertThat(refused.at("/errors/0/message").asText()).contains("outside this scheme's scope", "smartphone");
        // A catalog is not a scheme: assessing the phone against ETSI EN 303 645 alone stays possible.
        newAssessment(id, "etsi-en-303-645");
    }

    @Test
    void aLabNotAssignedGetsTheSameAnswerAsForAMissingAssessment() throws Exception {
        JsonNode a = newAssessment(newProduct(), AssessmentFixtures.THIRD_PARTY_TARGET);
        ObjectNode submit = json.createObjectNode().put("action", "lab-submit");
        JsonNode notAssigned = call(Who.LAB_EVALUATOR, withJson(post("/api/v1/assessments/" + a.get("id").asText()
                + "/transitions"), submit).header(HttpHeaders.IF_MATCH, etag(a)), 404);
        UUID missing = UUID.randomUUID();
        JsonNode none = call(Who.LAB_EVALUATOR, withJson(post("/api/v1/assessments/" + missing + "/transitions"), submit)
                .header(HttpHeaders.IF_MATCH, "\"1\""), 404);
        assertThat(notAssigned.get("detail").asText().replace(a.get("id").asText(), "X"))
                .isEqualTo(none.get("detail").asText().replace(missing.toString(), "X"));
        call(Who.LAB_EVALUATOR, withJson(post("/api/v1/assessments/" + a.get("id").asText() + "/test-cases"),
                Map.of("requirement", "jc-star-star1#S1.1-01", "testId", "T1", "kind", "conceptual", "verdict", "pass"))
                .header(HttpHeaders.IF_MATCH, etag(a)), 404);
        assertThat(read(Who.VENDOR_ADMIN, a.get("id").asText()).get("version")).isEqualTo(a.get("version"));
    }

    @Test
    void concurrentEditsWithTheSameETagLetExactlyOneWin() throws Exception {
        JsonNode a = newAssessment(newProduct(), "jc-star:star-1");
        String id = a.get("id").asText();
        String tag = etag(a);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String verdict = i % 2 == 0 ? "pass" : "fail";
                Callable<Integer> edit = () -> {
                    ObjectNode body = json.createObjectNode();
                    body.putArray("answers").addObject().put("requirement", "jc-star-star1#S1.1-01").put("verdict", verdict);
                    return mvc.perform(as(Who.VENDOR_MEMBER, withJson(put("/api/v1/assessments/" + id + "/answers"), body))
                            .header(HttpHeaders.IF_MATCH, tag)).andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(edit));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(read(Who.VENDOR_ADMIN, id).get("version").asLong()).isEqualTo(a.get("version").asLong() + 1);
    }

    @Test
    void theOpenApiDocumentDescribesTheAssessmentEndpoints() throws Exception {
        JsonNode doc = call(Who.ANONYMOUS, get("/v3/api-docs").accept(MediaType.APPLICATION_JSON), 200);
        assertThat(doc.get("paths").has("/api/v1/assessments/{id}/transitions")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/assessments/{id}/oscal")).isTrue();
    }
}
