package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 12's routes as the schemes run them, and issue 10's refusal of levels without criteria,
 * through the API: a CLS level-2 declaration reviewed by an accredited lab before the operator
 * decides; labs refused outside their accreditation's scope or validity; JC-STAR's PSTI route
 * answering S1.1-02, -05 and -16 by the recognition; ★2/★3 assessments refused.
 */
class RoutesApiTest extends ApiTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private JsonNode call(Who who, MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(as(who, request)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        String body = result.getResponse().getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    private static String etag(JsonNode assessment) {
        return "\"" + assessment.get("version").asLong() + "\"";
    }

    /** A new assessment of a new vendor A product (category router) against {@code target}. */
    private JsonNode newAssessment(String target) throws Exception {
        JsonNode p = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"),
                World.product(world.vendorA, "Routed router " + COUNTER.incrementAndGet(), false)), 201);
        String product = p.get("id").asText();
        call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + product + "/versions"),
                Map.of("version", "2.0.0", "releaseDate", "2026-10-01")), 201);
        return call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"),
                Map.of("productId", product, "productVersion", "2.0.0", "target", target)), 201);
    }

    private JsonNode read(Who who, JsonNode a) throws Exception {
        return call(who, get("/api/v1/assessments/" + a.get("id").asText()), 200);
    }

    private JsonNode passAll(JsonNode a) throws Exception {
        ObjectNode body = json.createObjectNode();
        ArrayNode answers = body.putArray("answers");
        for (JsonNode r : a.get("requirements")) {
            if (!r.get("applicability").asText().equals("not-applicable")) {
                answers.addObject().put("requirement", r.get("requirement").asText()).put("verdict", "pass")
                        .put("justification", "Checked on the device");
            }
        }
        return call(Who.VENDOR_ADMIN, withJson(put("/api/v1/assessments/" + a.get("id").asText() + "/answers"), body)
                .header(HttpHeaders.IF_MATCH, etag(a)), 200);
    }

    private MockHttpServletRequestBuilder transition(JsonNode a, String action, String comment, Object labId)
            throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (labId != null) {
            body.put("labId", labId.toString());
        }
        return withJson(post("/api/v1/assessments/" + a.get("id").asText() + "/transitions"), body)
                .header(HttpHeaders.IF_MATCH, etag(a));
    }

    private JsonNode act(Who who, JsonNode a, String action, String comment, int status) throws Exception {
        return call(who, transition(a, action, comment, null), status);
    }

    private JsonNode upload(Who who, JsonNode a, String fileName, String kind) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/assessments/" + a.get("id").asText() + "/evidence")
                .contentType("text/plain").content(("Contents of " + fileName + " " + COUNTER.incrementAndGet())
                        .getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.IF_MATCH, etag(a)).param("fileName", fileName);
        if (kind != null) {
            request.param("kind", kind);
        }
        return call(who, request, 201);
    }

    private String declarationText(String id) throws Exception {
        MvcResult pdf = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/assessments/" + id + "/declaration"))).andReturn();
        assertThat(pdf.getResponse().getStatus()).as(pdf.getResponse().getContentAsString()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    private static Map<String, Object> accreditation(String certificate, String scheme, List<String> levels,
                                                     List<String> categories, String from, String until) {
        Map<String, Object> body = new HashMap<>();
        body.put("standard", "iso-iec-17025");
        body.put("accreditingBody", "Test accreditation body");
        body.put("certificateNumber", certificate);
        body.put("scheme", scheme);
        body.put("levels", levels);
        if (categories != null) {
            body.put("productCategories", categories);
        }
        body.put("validFrom", from);
        body.put("validUntil", until);
        return body;
    }

    private String newLab(String name) throws Exception {
        return call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/organizations"),
                Map.of("kind", "TEST_LAB", "name", name + " " + COUNTER.incrementAndGet(), "country", "SG")), 201)
                .get("id").asText();
    }

    // --- done when --------------------------------------------------------------------------------

    @Test
    void aClsLevelTwoDeclarationGoesThroughALabReviewBeforeTheOperator() throws Exception {
        JsonNode a = newAssessment("sg-cls:level-2");
        assertThat(a.get("route").asText()).isEqualTo("self-declaration-lab-reviewed");
        a = passAll(a);
        a = act(Who.VENDOR_ADMIN, a, "submit", null, 200);
        assertThat(a.get("state").asText()).isEqualTo("submitted");
        assertThat(a.get("allowedActions")).extracting(JsonNode::asText).containsExactly("assign-lab");
        JsonNode skipped = act(Who.OPERATOR_ADMIN, a, "accept", null, 409); // no decision before the lab's review
        assertThat(skipped.at("/errors/0/field").asText()).isEqualTo("action");

        a = call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, world.lab), 200);
        assertThat(a.get("state").asText()).isEqualTo("lab-review");
        a = read(Who.LAB_EVALUATOR, a);
        // The reviewing lab does not rewrite the vendor's declaration; it sends it back.
        ObjectNode change = json.createObjectNode();
        change.putArray("answers").addObject().put("requirement", a.at("/requirements/0/requirement").asText())
                .put("verdict", "fail");
        call(Who.LAB_EVALUATOR, withJson(put("/api/v1/assessments/" + a.get("id").asText() + "/answers"), change)
                .header(HttpHeaders.IF_MATCH, etag(a)), 409);
        act(Who.OPERATOR_ADMIN, a, "accept", null, 409);
        act(Who.LAB_EVALUATOR, a, "lab-request-changes", null, 400); // needs a comment
        a = act(Who.LAB_EVALUATOR, a, "lab-request-changes", "Describe the update mechanism", 200);
        assertThat(a.get("state").asText()).isEqualTo("changes-requested");

        a = act(Who.VENDOR_ADMIN, read(Who.VENDOR_ADMIN, a), "submit", "Described", 200);
        a = call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, world.lab), 200);
        act(Who.LAB_EVALUATOR, a, "lab-submit", null, 422); // the review report first
        upload(Who.LAB_EVALUATOR, a, "review.txt", "lab-report");
        a = act(Who.LAB_EVALUATOR, read(Who.LAB_EVALUATOR, a), "lab-submit", "Declaration reviewed", 200);
        assertThat(a.get("state").asText()).isEqualTo("lab-submitted");
        a = act(Who.OPERATOR_REVIEWER, a, "accept", null, 200);
        assertThat(a.get("transitions")).extracting(t -> t.get("action").asText()).containsExactly("submit",
                "assign-lab", "lab-request-changes", "submit", "assign-lab", "lab-submit", "accept");
        assertThat(declarationText(a.get("id").asText())).contains("Lab-reviewed self-declaration", "Reviewing lab: Lab");
    }

    @Test
    void aResubmittedDeclarationNeedsANewReviewReportNotTheOneOfTheRoundBefore() throws Exception {
        JsonNode a = act(Who.VENDOR_ADMIN, passAll(newAssessment("sg-cls:level-2")), "submit", null, 200);
        a = call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, world.lab), 200);
        upload(Who.LAB_EVALUATOR, read(Who.LAB_EVALUATOR, a), "first-review.txt", "lab-report");
        a = act(Who.LAB_EVALUATOR, read(Who.LAB_EVALUATOR, a), "lab-request-changes", "Describe the update mechanism", 200);
        a = act(Who.VENDOR_ADMIN, read(Who.VENDOR_ADMIN, a), "submit", "Described", 200);
        a = call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, world.lab), 200);

        JsonNode refused = act(Who.LAB_EVALUATOR, read(Who.LAB_EVALUATOR, a), "lab-submit", "Reviewed", 422);
        assertThat(refused.at("/errors/0/field").asText()).isEqualTo("evidence");
        upload(Who.LAB_EVALUATOR, read(Who.LAB_EVALUATOR, a), "second-review.txt", "lab-report");
        a = act(Who.LAB_EVALUATOR, read(Who.LAB_EVALUATOR, a), "lab-submit", "Reviewed", 200);
        assertThat(a.get("state").asText()).isEqualTo("lab-submitted");
    }

    @Test
    void aLabOutsideItsAccreditationsScopeOrValidityCannotBeAssigned() throws Exception {
        JsonNode a = act(Who.VENDOR_ADMIN, passAll(newAssessment("sg-cls:level-2")), "submit", null, 200);

        String unaccredited = newLab("Unaccredited lab");
        JsonNode none = call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, unaccredited), 422);
        assertThat(none.at("/errors/0/field").asText()).isEqualTo("labId");
        assertThat(none.at("/errors/0/message").asText()).contains("no accreditation", "sg-cls:level-2");

        String levelOne = newLab("Level-1 lab");
        call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labs/" + levelOne + "/accreditations"),
                accreditation("L1-" + levelOne, "sg-cls", List.of("level-1"), null, "2025-01-01", "2030-01-01")), 201);
        assertThat(call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, levelOne), 422)
                .at("/errors/0/message").asText()).contains("scope covers sg-cls:level-2");

        String cameras = newLab("Camera lab");
        call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labs/" + cameras + "/accreditations"),
                accreditation("CAM-" + cameras, "sg-cls", List.of("level-2"), List.of("CAMERA"), "2025-01-01", "2030-01-01")), 201);
        assertThat(call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, cameras), 422)
                .at("/errors/0/message").asText()).contains("ROUTER products");

        String expired = newLab("Expired lab");
        call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labs/" + expired + "/accreditations"),
                accreditation("OLD-" + expired, "sg-cls", List.of("level-2"), null, "2023-01-01", "2025-12-31")), 201);
        JsonNode old = call(Who.OPERATOR_ADMIN, transition(a, "assign-lab", null, expired), 422);
        assertThat(old.at("/errors/0/field").asText()).isEqualTo("labId");
        assertThat(old.at("/errors/0/message").asText()).contains("expired on 2025-12-31");
        assertThat(read(Who.VENDOR_ADMIN, a).get("state").asText()).isEqualTo("submitted");

        // Approved labs are public: those with a certificate valid today, with its scope.
        JsonNode labs = call(Who.ANONYMOUS, get("/api/v1/labs"), 200);
        assertThat(labs).extracting(l -> l.get("id").asText()).contains(world.lab.toString(), levelOne, cameras)
                .doesNotContain(expired, unaccredited);
        JsonNode camera = java.util.stream.StreamSupport.stream(labs.spliterator(), false)
                .filter(l -> l.get("id").asText().equals(cameras)).findFirst().orElseThrow();
        assertThat(camera.at("/accreditations/0/standard").asText()).isEqualTo("iso-iec-17025");
        assertThat(camera.at("/accreditations/0/productCategories/0").asText()).isEqualTo("CAMERA");
    }

    @Test
    void badAccreditationsAreRefusedNamingTheField() throws Exception {
        String lab = newLab("Bad-input lab");
        String path = "/api/v1/labs/" + lab + "/accreditations";
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "no-such-scheme", List.of("x"),
                null, "2025-01-01", "2030-01-01")), 400).at("/errors/0/field").asText()).isEqualTo("scheme");
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "sg-cls", List.of("level-9"),
                null, "2025-01-01", "2030-01-01")), 400).at("/errors/0/field").asText()).isEqualTo("levels[0]");
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "sg-cls", List.of("level-1"),
                null, "2030-01-01", "2025-01-01")), 400).at("/errors/0/field").asText()).isEqualTo("validUntil");
        Map<String, Object> noStandard = accreditation("B-1", "sg-cls", List.of("level-1"), null, "2025-01-01", "2030-01-01");
        noStandard.remove("standard");
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(path), noStandard), 400).toString()).contains("standard");
        JsonNode category = call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "sg-cls",
                List.of("level-1"), List.of("SPACESHIP"), "2025-01-01", "2030-01-01")), 400);
        assertThat(category.at("/errors/0/field").asText()).startsWith("productCategories");
        // A year PostgreSQL cannot store (and no label can carry) is bad input, not a 500.
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "sg-cls", List.of("level-1"),
                null, "2025-01-01", "+999999999-12-31")), 400).at("/errors/0/field").asText()).isEqualTo("validUntil");
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "sg-cls", List.of("level-1"),
                null, "-999999999-01-01", "2030-01-01")), 400).at("/errors/0/field").asText()).isEqualTo("validFrom");
        call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "sg-cls", List.of("level-1"), null,
                "2025-01-01", "2030-01-01")), 201);
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(path), accreditation("B-1", "sg-cls", List.of("level-2"), null,
                "2025-01-01", "2030-01-01")), 409).at("/errors/0/field").asText()).isEqualTo("certificateNumber");
        call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/labs/" + world.vendorA + "/accreditations"),
                accreditation("B-2", "sg-cls", List.of("level-1"), null, "2025-01-01", "2030-01-01")), 404);
    }

    @Test
    void aPstiCompliantProductsStarOneAssessmentIsAnsweredByTheRecognition() throws Exception {
        JsonNode a = newAssessment("jc-star:star-1");
        String id = a.get("id").asText();
        JsonNode statement = upload(Who.VENDOR_ADMIN, a, "psti-statement-of-compliance.txt", null);
        a = read(Who.VENDOR_ADMIN, a);
        String path = "/api/v1/assessments/" + id + "/recognitions";

        assertThat(call(Who.VENDOR_ADMIN, withJson(post(path), Map.of("recognition", "jc-star-star-1-waives-for-uk-psti",
                "evidence", "0".repeat(64))).header(HttpHeaders.IF_MATCH, etag(a)), 400).at("/errors/0/field").asText())
                .isEqualTo("evidence");
        assertThat(call(Who.VENDOR_ADMIN, withJson(post(path), Map.of("recognition", "no-such-recognition",
                "evidence", statement.get("sha256").asText())).header(HttpHeaders.IF_MATCH, etag(a)), 400)
                .at("/errors/0/field").asText()).isEqualTo("recognition");
        JsonNode deemed = call(Who.VENDOR_ADMIN, withJson(post(path), Map.of("recognition", "uk-psti-deems-jc-star-star-1",
                "evidence", statement.get("sha256").asText())).header(HttpHeaders.IF_MATCH, etag(a)), 422);
        assertThat(deemed.at("/errors/0/field").asText()).isEqualTo("recognition");

        JsonNode report = call(Who.VENDOR_ADMIN, withJson(post(path), Map.of("recognition",
                "jc-star-star-1-waives-for-uk-psti", "evidence", statement.get("sha256").asText()))
                .header(HttpHeaders.IF_MATCH, etag(a)), 200);
        assertThat(report.get("prefilled")).extracting(JsonNode::asText)
                .containsExactly("jc-star-star1#S1.1-02", "jc-star-star1#S1.1-05", "jc-star-star1#S1.1-16");
        a = read(Who.OPERATOR_REVIEWER, a);
        for (JsonNode r : a.get("requirements")) {
            String ref = r.get("requirement").asText();
            if (List.of("jc-star-star1#S1.1-02", "jc-star-star1#S1.1-05", "jc-star-star1#S1.1-16").contains(ref)) {
                assertThat(r.at("/answer/verdict").asText()).isEqualTo("pass");
                assertThat(r.at("/answer/provenance/recognition").asText()).isEqualTo("jc-star-star-1-waives-for-uk-psti");
                assertThat(r.at("/answer/provenance/supportingDocument").asText()).isEqualTo(statement.get("sha256").asText());
                assertThat(r.at("/answer/justification").asText()).contains("UK PSTI statement of compliance");
            } else {
                assertThat(r.get("answer").isNull()).as(ref).isTrue();
            }
        }
        // The rest answered by the vendor; the declaration marks the waived criteria and the id-only ones.
        ObjectNode rest = json.createObjectNode();
        ArrayNode answers = rest.putArray("answers");
        for (JsonNode r : a.get("requirements")) {
            if (r.get("answer").isNull()) {
                answers.addObject().put("requirement", r.get("requirement").asText()).put("verdict", "pass");
            }
        }
        a = call(Who.VENDOR_ADMIN, withJson(put("/api/v1/assessments/" + id + "/answers"), rest)
                .header(HttpHeaders.IF_MATCH, etag(a)), 200);
        a = act(Who.VENDOR_ADMIN, a, "submit", null, 200);
        act(Who.OPERATOR_ADMIN, a, "accept", null, 200);
        String text = declarationText(id);
        assertThat(text).contains("waived by recognition jc-star-star-1-waives-for-uk-psti");
        assertThat(text.split("waived by recognition", -1)).hasSize(4); // three criteria
    }

    @Test
    void criteriaKnownOnlyByIdSaySoInTheViewAndTheDeclaration() throws Exception {
        JsonNode a = newAssessment("jc-star:star-1");
        JsonNode s107 = a.at("/requirements/6");
        assertThat(s107.get("requirement").asText()).isEqualTo("jc-star-star1#S1.1-07");
        assertThat(s107.get("textInData").asBoolean()).isFalse();
        assertThat(s107.get("note").asText()).contains("not in IoTSeal's standards data");
        assertThat(a.at("/requirements/0/textInData").asBoolean()).isTrue();
        a = act(Who.VENDOR_ADMIN, passAll(a), "submit", null, 200);
        act(Who.OPERATOR_ADMIN, a, "accept", null, 200);
        String text = declarationText(a.get("id").asText());
        // Nine criteria (S1.1-07…15) carry the note in both languages.
        assertThat(text.split("the criterion's text is not in IoTSeal's standards data", -1)).hasSize(10);
        assertThat(text.split("基準の本文は IoTSeal の規格データにありません", -1)).hasSize(10);
    }

    @Test
    void levelsWhoseCriteriaAreNotInTheDataAreRefusedNamingTheLevelAndTheNote() throws Exception {
        JsonNode p = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"),
                World.product(world.vendorA, "Star three router " + COUNTER.incrementAndGet(), false)), 201);
        call(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + p.get("id").asText() + "/versions"),
                Map.of("version", "1.0.0")), 201);
        JsonNode refused = call(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"), Map.of("productId",
                p.get("id").asText(), "productVersion", "1.0.0", "target", "jc-star:star-3")), 422);
        assertThat(refused.get("errors")).extracting(e -> e.get("field").asText()).containsOnly("target");
        assertThat(refused.at("/errors/0/message").asText()).contains("jc-star:star-2", "product-category");
        assertThat(refused.at("/errors/1/message").asText()).contains("jc-star:star-3", "evaluation body");

        // An assessment started before the refusal existed cannot be accepted either.
        JsonNode a = newAssessment("jc-star:star-1");
        jdbc.sql("update assessment set target = 'jc-star:star-3', route = 'THIRD_PARTY', state = 'LAB_SUBMITTED'"
                + " where id = ?").param(java.util.UUID.fromString(a.get("id").asText())).update();
        a = read(Who.OPERATOR_ADMIN, a);
        JsonNode notAccepted = act(Who.OPERATOR_ADMIN, a, "accept", null, 422);
        assertThat(notAccepted.at("/errors/0/field").asText()).isEqualTo("target");
        assertThat(read(Who.OPERATOR_ADMIN, a).get("state").asText()).isEqualTo("lab-submitted");
    }
}
