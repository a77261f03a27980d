package io.iotseal.server;

import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.TokenInput;
import io.iotseal.server.account.AccountService;
import io.iotseal.server.account.UserInput;
import io.iotseal.server.organization.OrganizationInput;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.registry.OpenDataDumps;
import io.iotseal.server.access.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every endpoint × every role. The list of endpoints comes from the server's own route table, so a new
 * endpoint without a row here fails {@link #everyRouteHasAMatrixRow}. Each row builds a fresh request
 * per caller (a fresh record where the call would use one up) and states the status each caller gets.
 * Columns: anonymous, operator admin, operator reviewer, vendor admin, vendor member, the other
 * vendor's admin, lab evaluator.
 */
class AuthorizationMatrixTest extends ApiTest {

    @Autowired
    private OpenDataDumps openData;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;
    @Autowired
    private ProductService products;
    @Autowired
    private AccountService accounts;
    @Autowired
    private org.springframework.context.ApplicationContext context;

    @Autowired
    private io.iotseal.server.csaf.CsafPublisher csafPublisher;
    @Autowired
    private io.iotseal.server.csaf.RegistryOpenPgpKey csafKey;

    private final AtomicInteger counter = new AtomicInteger();
    private static final Map<Who, String> passwords = new java.util.EnumMap<>(Who.class);

    /** Builds the request for one caller; may create the record the request uses up. */
    interface Call {
        MockHttpServletRequestBuilder build(Who who) throws Exception;
    }

    private record Row(Call call, int[] expected) {
    }

    private static int[] expect(int anonymous, int operatorAdmin, int operatorReviewer, int vendorAdmin,
                                int vendorMember, int otherVendorAdmin, int labEvaluator) {
        return new int[]{anonymous, operatorAdmin, operatorReviewer, vendorAdmin, vendorMember, otherVendorAdmin,
                labEvaluator};
    }

    /** A published CSAF document's path without ".json" (publishing the same advisory again changes nothing). */
    private String csafDocument() {
        io.iotseal.csaf.CsafAdvisory a = io.iotseal.csaf.CsafExamples.vex("IOTSEAL-MATRIX-1");
        io.iotseal.csaf.CsafAdvisory ours = new io.iotseal.csaf.CsafAdvisory(a.profile(), csafPublisher.publisher(),
                a.trackingId(), a.title(), a.language(), a.summary(), a.initialReleaseDate(), a.currentReleaseDate(),
                a.revisions(), a.products(), a.vulnerabilities(), a.references());
        String path = csafPublisher.publish(ours, io.iotseal.server.access.Actor.SYSTEM).path();
        return path.substring(0, path.length() - ".json".length());
    }

    /** Rejects vendor A's pending name change, if any, so that a new one may be asked for. */
    private String noPendingName(String organizationPath) {
        jdbc.sql("update organization_name_change set state = 'REJECTED' where organization_id = ? and state = 'PENDING'")
                .param(world.vendorA).update();
        return organizationPath;
    }

    /** A pending name change of vendor A, asked for by its admin. */
    private String pendingNameChange(String organizationPath) throws Exception {
        return body(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post(noPendingName(organizationPath) + "/name-changes"),
                Map.of("name", "Matrix name " + UUID.randomUUID())))).andReturn()).get("id").asText();
    }

    private Map<String, Row> matrix() {
        Map<String, Row> m = new LinkedHashMap<>();
        String productA = "/api/v1/products/" + world.productA;
        // Products
        m.put("GET /api/v1/products", new Row(w -> get("/api/v1/products"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/products", new Row(w -> withJson(post("/api/v1/products"),
                World.product(world.vendorA, "Matrix product " + counter.incrementAndGet(), false)),
                expect(401, 201, 403, 201, 201, 403, 403)));
        m.put("GET /api/v1/products/{id}", new Row(w -> get(productA), expect(404, 200, 200, 200, 200, 404, 200)));
        m.put("PUT /api/v1/products/{id}", new Row(w -> withJson(put(productA), World.product(world.vendorA, "World Router A", false))
                .header(HttpHeaders.IF_MATCH, etag(productA)), expect(401, 200, 403, 200, 200, 404, 403)));
        m.put("DELETE /api/v1/products/{id}", new Row(w -> delete("/api/v1/products/" + freshProduct(false))
                .header(HttpHeaders.IF_MATCH, "\"1\""), expect(401, 204, 403, 204, 403, 404, 404)));
        m.put("GET /api/v1/products/{id}/versions", new Row(w -> get(productA + "/versions"),
                expect(404, 200, 200, 200, 200, 404, 200)));
        m.put("POST /api/v1/products/{id}/versions", new Row(w -> withJson(post(productA + "/versions"),
                Map.of("version", "9." + counter.incrementAndGet(), "releaseDate", "2026-11-01")),
                expect(401, 201, 403, 201, 201, 404, 403)));
        m.put("PUT /api/v1/products/{id}/labs/{labId}", new Row(w -> put("/api/v1/products/" + freshProduct(false)
                + "/labs/" + world.lab), expect(401, 204, 403, 403, 403, 404, 404)));
        m.put("DELETE /api/v1/products/{id}/labs/{labId}", new Row(w -> delete("/api/v1/products/" + freshProduct(true)
                + "/labs/" + world.lab), expect(401, 204, 403, 403, 403, 404, 403)));
        // SBOMs per product version (ADR 0091): each upload a different document, so each is new (201).
        m.put("POST /api/v1/products/{id}/versions/{versionId}/sboms", new Row(w -> post(sboms())
                .contentType("application/vnd.cyclonedx+json").content(sbom("matrix-" + counter.incrementAndGet())),
                expect(401, 201, 403, 201, 201, 404, 403)));
        m.put("GET /api/v1/products/{id}/versions/{versionId}/sboms", new Row(w -> get(sboms()),
                expect(401, 200, 200, 200, 200, 404, 200)));
        m.put("GET /api/v1/products/{id}/versions/{versionId}/sboms/{sha256}", new Row(w -> get(sboms() + "/"
                + storedSbom()), expect(401, 200, 200, 200, 200, 404, 200)));
        m.put("GET /api/v1/products/{id}/versions/{versionId}/sboms/{sha256}/document", new Row(w -> get(sboms() + "/"
                + storedSbom() + "/document"), expect(401, 200, 200, 200, 200, 404, 200)));
        // Advisories and findings (ADR 0095): findings as the SBOMs they come from; an advisory for the operator
        // and the vendors whose products it affects.
        m.put("GET /api/v1/products/{id}/versions/{versionId}/findings", new Row(w -> get(sboms().replace("/sboms",
                "/findings")), expect(401, 200, 200, 200, 200, 404, 200)));
        m.put("POST /api/v1/advisory-feeds/{kind}", new Row(w -> post("/api/v1/advisory-feeds/kev")
                .contentType("application/json").content(kevCatalog()), expect(401, 200, 403, 403, 403, 403, 403)));
        m.put("GET /api/v1/advisory-feeds", new Row(w -> get("/api/v1/advisory-feeds"),
                expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/advisories/{id}", new Row(w -> get("/api/v1/advisories/" + matchedAdvisory()),
                expect(401, 200, 200, 200, 200, 403, 403)));
        // Triage and VEX (ADR 0096): written like SBOMs, read like SBOMs.
        String triage = sboms().replace("/sboms", "/triage");
        m.put("POST /api/v1/products/{id}/versions/{versionId}/triage", new Row(w -> withJson(post(triage), Map.of(
                "vulnerability", "CVE-2021-44228", "component", storedComponent(), "status", "UNDER_INVESTIGATION")),
                expect(401, 201, 403, 201, 201, 404, 403)));
        m.put("GET /api/v1/products/{id}/versions/{versionId}/triage", new Row(w -> get(triage),
                expect(401, 200, 200, 200, 200, 404, 200)));
        m.put("POST /api/v1/products/{id}/versions/{versionId}/vex", new Row(w -> post(sboms().replace("/sboms", "/vex"))
                .contentType("application/json").content(openVex(storedComponent())),
                expect(401, 201, 403, 201, 201, 404, 403)));
        m.put("GET /api/v1/products/{id}/versions/{versionId}/vex", new Row(w -> get(sboms().replace("/sboms", "/vex")),
                expect(401, 200, 200, 200, 200, 404, 200)));
        // Surveillance proposals (ADR 0096): the operator's; the label's vendor sees and comments once heard.
        String proposals = "/api/v1/surveillance/proposals";
        m.put("GET /api/v1/surveillance/proposals", new Row(w -> get(proposals), expect(401, 200, 200, 200, 200, 200, 403)));
        m.put("GET /api/v1/surveillance/proposals/{proposalId}", new Row(w -> get(proposals + "/"
                + proposal("HEARING")), expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("POST /api/v1/surveillance/proposals/{proposalId}/hearing", new Row(w -> post(proposals + "/"
                + proposal("OPEN") + "/hearing"), expect(401, 200, 403, 403, 403, 403, 403)));
        m.put("POST /api/v1/surveillance/proposals/{proposalId}/comment", new Row(w -> withJson(post(proposals + "/"
                + proposal("HEARING") + "/comment"), Map.of("comment", "We are on it.")),
                expect(401, 403, 403, 200, 200, 404, 404)));
        m.put("POST /api/v1/surveillance/proposals/{proposalId}/decision", new Row(w -> withJson(post(proposals + "/"
                + proposal("OPEN") + "/decision"), Map.of("outcome", "dismiss", "note", "matrix")),
                expect(401, 200, 403, 403, 403, 403, 403)));
        // Organizations
        String vendorA = "/api/v1/organizations/" + world.vendorA;
        m.put("GET /api/v1/organizations", new Row(w -> get("/api/v1/organizations"), expect(401, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/organizations", new Row(w -> withJson(post("/api/v1/organizations"),
                new OrganizationInput(OrganizationKind.VENDOR, "Matrix vendor " + counter.incrementAndGet(), null, "JP")),
                expect(401, 201, 403, 403, 403, 403, 403)));
        m.put("GET /api/v1/organizations/{id}", new Row(w -> get(vendorA), expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("PUT /api/v1/organizations/{id}", new Row(w -> withJson(put(vendorA),
                new OrganizationInput(OrganizationKind.VENDOR, "Vendor A", "ベンダーA", "JP"))
                .header(HttpHeaders.IF_MATCH, etag(vendorA)), expect(401, 200, 403, 200, 403, 404, 404)));
        // Legal name changes (ADR 0067): each request starts from no pending change of vendor A.
        m.put("POST /api/v1/organizations/{id}/name-changes", new Row(w -> withJson(post(noPendingName(vendorA)
                + "/name-changes"), Map.of("name", "Matrix name " + UUID.randomUUID())), expect(401, 201, 403, 201, 403, 404, 404)));
        m.put("GET /api/v1/organizations/{id}/name-changes", new Row(w -> get(vendorA + "/name-changes"),
                expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("GET /api/v1/name-changes", new Row(w -> get("/api/v1/name-changes"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("POST /api/v1/organizations/{id}/name-changes/{changeId}/decision", new Row(w -> withJson(post(vendorA
                + "/name-changes/" + pendingNameChange(vendorA) + "/decision"), Map.of("action", "reject", "comment", "Matrix")),
                expect(401, 200, 403, 403, 403, 404, 404)));
        // Users and tokens
        m.put("GET /api/v1/users/me", new Row(w -> get("/api/v1/users/me"), expect(401, 200, 200, 200, 200, 200, 200)));
        // Everyone may change their own password (world users start without one, then send the last one set).
        m.put("PUT /api/v1/users/me/password", new Row(w -> {
            String next = "matrix password " + counter.incrementAndGet();
            Map<String, String> body = new java.util.HashMap<>(Map.of("newPassword", next));
            String current = passwords.put(w, next);
            if (current != null) {
                body.put("currentPassword", current);
            }
            return withJson(put("/api/v1/users/me/password"), body);
        }, expect(401, 204, 204, 204, 204, 204, 204)));
        m.put("GET /api/v1/users", new Row(w -> get("/api/v1/users"), expect(401, 200, 200, 200, 403, 200, 403)));
        m.put("GET /api/v1/users/{id}", new Row(w -> get("/api/v1/users/" + world.user(Who.VENDOR_MEMBER)),
                expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("POST /api/v1/users", new Row(w -> withJson(post("/api/v1/users"), new UserInput(
                "matrix-" + counter.incrementAndGet(), "Matrix user", null, null,
                List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))), expect(401, 201, 403, 201, 403, 403, 403)));
        // Managing another user (ADR 0065): the operator's admins anyone, a vendor admin their vendor's people
        // (others are not found), nobody themselves; each row acts on a fresh vendor A member.
        m.put("POST /api/v1/users/{id}/status", new Row(w -> withJson(post("/api/v1/users/" + freshMember() + "/status"),
                Map.of("enabled", false)), expect(401, 200, 403, 200, 404, 404, 404)));
        m.put("POST /api/v1/users/{id}/memberships", new Row(w -> withJson(post("/api/v1/users/" + freshMember()
                + "/memberships"), new Membership(world.vendorA, Role.VENDOR_ADMIN)), expect(401, 201, 403, 201, 404, 404, 404)));
        m.put("DELETE /api/v1/users/{id}/memberships/{organizationId}/{role}", new Row(w -> delete("/api/v1/users/"
                + freshMember() + "/memberships/" + world.vendorA + "/VENDOR_MEMBER"), expect(401, 204, 403, 204, 404, 404, 404)));
        m.put("POST /api/v1/users/{id}/password-reset", new Row(w -> post("/api/v1/users/" + freshMember() + "/password-reset"),
                expect(401, 200, 403, 200, 404, 404, 404)));
        m.put("DELETE /api/v1/users/{id}/sessions", new Row(w -> delete("/api/v1/users/" + freshMember() + "/sessions"),
                expect(401, 204, 403, 204, 404, 404, 404)));
        m.put("DELETE /api/v1/users/{id}/tokens", new Row(w -> delete("/api/v1/users/" + freshMember() + "/tokens"),
                expect(401, 204, 403, 204, 404, 404, 404)));
        m.put("GET /api/v1/tokens", new Row(w -> get("/api/v1/tokens"), expect(401, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/tokens", new Row(w -> withJson(post("/api/v1/tokens"), new TokenInput("matrix", 1)),
                expect(401, 201, 201, 201, 201, 201, 201)));
        // A token belongs to the vendor member: only they may revoke it, for everyone else it does not exist.
        m.put("DELETE /api/v1/tokens/{id}", new Row(w -> delete("/api/v1/tokens/" + vendorMemberToken()),
                expect(401, 404, 404, 404, 204, 404, 404)));
        // Audit log
        m.put("GET /api/v1/audit", new Row(w -> get("/api/v1/audit"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/audit/verification", new Row(w -> get("/api/v1/audit/verification"),
                expect(401, 200, 200, 403, 403, 403, 403)));
        // Assessments (issue 4): a vendor its own, a lab only those it is assigned, the operator decides.
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        var labAssessment = fixtures.withLab(false);
        String assessment = "/api/v1/assessments/" + labAssessment.id();
        m.put("GET /api/v1/assessments", new Row(w -> get("/api/v1/assessments"), expect(401, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/assessments", new Row(w -> withJson(post("/api/v1/assessments"), Map.of("productId",
                world.productA.toString(), "productVersion", world.productAVersion, "target", "jc-star:star-1")),
                expect(401, 201, 403, 201, 201, 400, 403)));
        m.put("GET /api/v1/assessments/{id}", new Row(w -> get(assessment), expect(401, 200, 200, 200, 200, 404, 200)));
        m.put("PUT /api/v1/assessments/{id}/answers", new Row(w -> withJson(put("/api/v1/assessments/"
                        + fixtures.draft("jc-star:star-1").id() + "/answers"),
                Map.of("answers", List.of(Map.of("requirement", "jc-star-star1#S1.1-01", "verdict", "pass"))))
                .header(HttpHeaders.IF_MATCH, "\"1\""), expect(401, 403, 403, 200, 200, 404, 404)));
        m.put("POST /api/v1/assessments/{id}/prefill", new Row(w -> withJson(post("/api/v1/assessments/"
                        + fixtures.draft("jc-star:star-1").id() + "/prefill"),
                Map.of("fromAssessmentId", acceptedSource(fixtures).toString())).header(HttpHeaders.IF_MATCH, "\"1\""),
                expect(401, 403, 403, 200, 200, 404, 404)));
        m.put("POST /api/v1/assessments/{id}/transitions", new Row(w -> {
            var a = fixtures.completeStarOne();
            return withJson(post("/api/v1/assessments/" + a.id() + "/transitions"), Map.of("action", "submit"))
                    .header(HttpHeaders.IF_MATCH, "\"" + a.version() + "\"");
        }, expect(401, 403, 403, 200, 200, 404, 404)));
        m.put("POST /api/v1/assessments/{id}/evidence", new Row(w -> post("/api/v1/assessments/"
                + fixtures.draft("jc-star:star-1").id() + "/evidence").param("fileName", "note.txt")
                .contentType("text/plain").content("A note").header(HttpHeaders.IF_MATCH, "\"1\""),
                expect(401, 403, 403, 201, 201, 404, 404)));
        m.put("GET /api/v1/assessments/{id}/evidence/{sha256}", new Row(w -> get(assessment + "/evidence/"
                + labAssessment.evidence().get(0).sha256()), expect(401, 200, 200, 200, 200, 404, 200)));
        m.put("POST /api/v1/assessments/{id}/test-cases", new Row(w -> {
            var a = fixtures.withLab(true);
            return withJson(post("/api/v1/assessments/" + a.id() + "/test-cases"), Map.of("requirement",
                    AssessmentFixtures.THIRD_PARTY_REQUIREMENT, "testId", "TC-1", "kind", "conceptual", "verdict", "inconclusive"))
                    .header(HttpHeaders.IF_MATCH, "\"" + a.version() + "\"");
        }, expect(401, 403, 403, 403, 403, 404, 201)));
        m.put("POST /api/v1/assessments/{id}/recognitions", new Row(w -> {
            var a = fixtures.withDocument("jc-star:star-1");
            return withJson(post("/api/v1/assessments/" + a.id() + "/recognitions"), Map.of("recognition",
                    "jc-star-star-1-waives-for-uk-psti", "evidence", a.evidence().get(0).sha256()))
                    .header(HttpHeaders.IF_MATCH, "\"" + a.version() + "\"");
        }, expect(401, 403, 403, 200, 200, 404, 404)));
        // Test labs (issue 12): approved labs are public; the operator's admins record accreditations.
        m.put("GET /api/v1/labs", new Row(w -> get("/api/v1/labs"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/labs/{id}/accreditations", new Row(w -> withJson(post("/api/v1/labs/" + world.lab
                + "/accreditations"), Map.of("standard", "iso-iec-17025", "accreditingBody", "Matrix body",
                "certificateNumber", "M-" + UUID.randomUUID(), "scheme", "sg-cls", "levels", List.of("level-3"),
                "validFrom", "2026-01-01", "validUntil", "2027-01-01")), expect(401, 201, 403, 403, 403, 403, 403)));
        m.put("GET /api/v1/assessments/{id}/declaration", new Row(w -> get("/api/v1/assessments/"
                + acceptedSource(fixtures) + "/declaration"), expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("GET /api/v1/assessments/{id}/oscal", new Row(w -> get(assessment + "/oscal"),
                expect(401, 200, 200, 200, 200, 404, 200)));
        // Labels (ADR 0050): read like their products; status changes by the operator; keys and lists public.
        String label = "/api/v1/labels/" + labelOf(acceptedSource(fixtures));
        // The public label registry (issue 13, ADR 0080): the same answer for everyone.
        m.put("GET /api/v1/labels", new Row(w -> get("/api/v1/labels"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /api/v1/labels/export", new Row(w -> get("/api/v1/labels/export").param("format", "csv"),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/labels/check", new Row(w -> withJson(post("/api/v1/labels/check"),
                Map.of("modelNumbers", List.of("WORLD-ROUTER-A"))), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /api/v1/labels/{id}", new Row(w -> get(label), expect(404, 200, 200, 200, 200, 404, 200)));
        m.put("GET /api/v1/assessments/{id}/label", new Row(w -> get("/api/v1/assessments/" + acceptedSource(fixtures)
                + "/label"), expect(401, 200, 200, 200, 200, 404, 200)));
        m.put("GET /api/v1/labels/{id}/artwork.svg", new Row(w -> get(label + "/artwork.svg"),
                expect(404, 200, 200, 200, 200, 404, 200)));
        m.put("GET /api/v1/labels/{id}/artwork.png", new Row(w -> get(label + "/artwork.png"),
                expect(404, 200, 200, 200, 200, 404, 200)));
        m.put("POST /api/v1/labels/{id}/status", new Row(w -> withJson(post("/api/v1/labels/"
                        + labelOf(fixtures.acceptedStarOne().id()) + "/status"), Map.of("action", "suspend", "reason", "Matrix"))
                .header(HttpHeaders.IF_MATCH, "\"1\""), expect(401, 200, 200, 403, 403, 404, 403)));
        // Renewal and lapse (ADR 0053): the vendor or the operator's admins ask, the operator decides; the
        // operator's admins record requirement changes (dates long before any label, so none lapses).
        m.put("POST /api/v1/labels/{id}/requests", new Row(w -> withJson(post("/api/v1/labels/"
                        + renewableLabel(fixtures) + "/requests"), Map.of("kind", "renewal")),
                expect(401, 201, 403, 201, 201, 404, 404)));
        m.put("POST /api/v1/labels/{id}/requests/{requestId}/decision", new Row(w -> {
            UUID renewable = renewableLabel(fixtures);
            String request = body(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/labels/" + renewable
                    + "/requests"), Map.of("kind", "renewal")))).andReturn()).get("id").asText();
            return withJson(post("/api/v1/labels/" + renewable + "/requests/" + request + "/decision"),
                    Map.of("action", "approve")).header(HttpHeaders.IF_MATCH, "\"1\"");
        }, expect(401, 200, 200, 403, 403, 404, 404)));
        m.put("POST /api/v1/schemes/{scheme}/levels/{level}/requirement-changes", new Row(w -> withJson(
                post("/api/v1/schemes/de-bsi-label/levels/label/requirement-changes"), Map.of("changedOn",
                        java.time.LocalDate.of(2000, 1, 1).plusDays(counter.incrementAndGet()).toString(), "note", "Matrix")),
                expect(401, 201, 403, 403, 403, 403, 403)));
        String page = "/l/" + jdbc.sql("select label_id from label where assessment_id = ?")
                .param(acceptedSource(fixtures)).query(String.class).single();
        m.put("GET /l/{idOrToken}", new Row(w -> get(page), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /.well-known/jwks.json", new Row(w -> get("/.well-known/jwks.json"),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /contexts/label-v1.jsonld", new Row(w -> get("/contexts/label-v1.jsonld"),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /status/revocation", new Row(w -> get("/status/revocation"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /status/suspension", new Row(w -> get("/status/suspension"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /audit/checkpoint", new Row(w -> get("/audit/checkpoint"), expect(200, 200, 200, 200, 200, 200, 200)));
        // The registry as a CSAF provider and its security.txt (issue 17, ADR 0098): public reads.
        for (String path : List.of("/.well-known/csaf/provider-metadata.json", "/.well-known/csaf/white/index.txt",
                "/.well-known/csaf/white/changes.csv", "/.well-known/security.txt")) {
            m.put("GET " + path, new Row(w -> get(path), expect(200, 200, 200, 200, 200, 200, 200)));
        }
        for (String suffix : List.of(".json", ".json.sha512", ".json.asc")) {
            m.put("GET /.well-known/csaf/white/{year}/{name}" + suffix, new Row(w -> get("/.well-known/csaf/white/"
                    + csafDocument() + suffix), expect(200, 200, 200, 200, 200, 200, 200)));
        }
        m.put("GET /.well-known/csaf/white/", new Row(w -> get("/.well-known/csaf/white/"),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /.well-known/csaf/white/{year}/", new Row(w -> get("/.well-known/csaf/white/"
                + csafDocument().substring(0, 5)), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /.well-known/csaf/openpgp/{fingerprint}.asc", new Row(w -> get("/.well-known/csaf/openpgp/"
                + csafKey.get().fingerprint() + ".asc"), expect(200, 200, 200, 200, 200, 200, 200)));
        // Open data and the status feed (issue 13, ADR 0083): public, like the label search.
        for (String file : List.of("labels.jsonl.gz", "labels.jsonl.gz.jws", "labels.jsonl.gz.sha256", "dcat.jsonld")) {
            m.put("GET /api/v1/open-data/" + file, new Row(w -> {
                if (openData.current() == null) {
                    openData.produce();
                }
                return get("/api/v1/open-data/" + file);
            }, expect(200, 200, 200, 200, 200, 200, 200)));
        }
        m.put("GET /api/v1/labels/feed", new Row(w -> get("/api/v1/labels/feed"), expect(200, 200, 200, 200, 200, 200, 200)));
        // Label signing keys (ADR 0051): the operator's admins only. The removal row removes, for the admin, a
        // key retired at once by a second rotation, so no label of another test loses its key.
        m.put("GET /api/v1/label-keys", new Row(w -> get("/api/v1/label-keys"), expect(401, 200, 403, 403, 403, 403, 403)));
        m.put("POST /api/v1/label-keys/rotation", new Row(w -> withJson(post("/api/v1/label-keys/rotation"),
                Map.of("reason", "Matrix")).header(HttpHeaders.IF_MATCH, etag("/api/v1/label-keys")),
                expect(401, 200, 403, 403, 403, 403, 403)));
        m.put("POST /api/v1/label-keys/{kid}/removal", new Row(w -> withJson(post("/api/v1/label-keys/"
                        + (w == Who.OPERATOR_ADMIN ? unusedRetiredKey() : "AAAAAAAAAAA") + "/removal"),
                Map.of("reason", "Matrix")).header(HttpHeaders.IF_MATCH, etag("/api/v1/label-keys")),
                expect(401, 200, 403, 403, 403, 403, 403)));
        // Re-issue (ADR 0054): signs again only labels of removed keys, none of which the matrix leaves behind.
        m.put("POST /api/v1/label-keys/reissue", new Row(w -> withJson(post("/api/v1/label-keys/reissue"),
                Map.of("reason", "Matrix")).header(HttpHeaders.IF_MATCH, etag("/api/v1/label-keys")),
                expect(401, 200, 403, 403, 403, 403, 403)));
        // Web pages (issue 14, ADR 0074): the home and sign-in pages are public; the dashboard needs a sign-in
        // (anonymous browsers are sent to /login, without a session: ADR 0075).
        m.put("GET /", new Row(w -> get("/"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /login", new Row(w -> get("/login"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /dashboard", new Row(w -> get("/dashboard"), expect(302, 200, 200, 200, 200, 200, 200)));
        // The user's own account pages: signed in, any role. A form with errors answers 422 with the page; the
        // token row creates a real token for each caller; revoking an unknown one is 404.
        m.put("GET /account/password", new Row(w -> get("/account/password"), expect(302, 200, 200, 200, 200, 200, 200)));
        m.put("POST /account/password", new Row(w -> post("/account/password").param("newPassword", "matrix password 1")
                .param("confirmPassword", "a different one 2"), expect(302, 422, 422, 422, 422, 422, 422)));
        m.put("GET /account/tokens", new Row(w -> get("/account/tokens"), expect(302, 200, 200, 200, 200, 200, 200)));
        m.put("POST /account/tokens", new Row(w -> post("/account/tokens").param("name", "Matrix").param("days", "30"),
                expect(302, 200, 200, 200, 200, 200, 200)));
        m.put("POST /account/tokens/{id}/revoke", new Row(w -> post("/account/tokens/" + UUID.randomUUID() + "/revoke"),
                expect(302, 404, 404, 404, 404, 404, 404)));
        // Notifications (ADRs 0081, 0082): each organization's admins subscribe for it (the operator's admins
        // for anything); members and the operator read; the operator sees dead letters, its admins redeliver.
        // The webhook URL is a closed loopback port: deliveries fail there and never leave the machine.
        m.put("GET /api/v1/subscriptions", new Row(w -> get("/api/v1/subscriptions"), expect(401, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/subscriptions", new Row(w -> withJson(post("/api/v1/subscriptions"), matrixWebhook()),
                expect(401, 201, 403, 201, 403, 201, 201)));
        m.put("GET /api/v1/subscriptions/{id}", new Row(w -> get("/api/v1/subscriptions/" + vendorSubscription()),
                expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("DELETE /api/v1/subscriptions/{id}", new Row(w -> delete("/api/v1/subscriptions/" + vendorSubscription()),
                expect(401, 204, 403, 204, 403, 404, 404)));
        m.put("POST /api/v1/subscriptions/{id}/secret", new Row(w -> post("/api/v1/subscriptions/" + vendorSubscription()
                + "/secret").header(HttpHeaders.IF_MATCH, "\"1\""), expect(401, 200, 403, 200, 403, 404, 404)));
        m.put("GET /api/v1/subscriptions/dead-letters", new Row(w -> get("/api/v1/subscriptions/dead-letters"),
                expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("POST /api/v1/subscriptions/dead-letters/{deliveryId}/redelivery", new Row(w -> post(
                "/api/v1/subscriptions/dead-letters/" + UUID.randomUUID() + "/redelivery"),
                expect(401, 404, 403, 403, 403, 403, 403)));
        // Operator console (issue 14, ADR 0086): operator roles only (others 403, anonymous sent to sign in). The
        // forms are sent without their required fields, so each answers 422 with the page and changes nothing;
        // the user actions name an unknown user (404). Reviewers may not see or rotate the signing keys.
        String review = "/operator/assessments/" + acceptedSource(fixtures);
        m.put("GET /operator", new Row(w -> get("/operator"), expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("GET /operator/assessments/{id}", new Row(w -> get(review), expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/assessments/{id}/transitions", new Row(w -> post(review + "/transitions").param("version", "1"),
                expect(302, 422, 422, 403, 403, 403, 403)));
        String operatorLabel = "/operator/labels/" + jdbc.sql("select id from label where assessment_id = ?")
                .param(acceptedSource(fixtures)).query(UUID.class).single();
        m.put("GET /operator/surveillance", new Row(w -> get("/operator/surveillance"),
                expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("GET /operator/surveillance/{id}", new Row(w -> get("/operator/surveillance/" + proposal("OPEN")),
                expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/surveillance/{id}/hearing", new Row(w -> post("/operator/surveillance/"
                + proposal("OPEN") + "/hearing"), expect(302, 302, 403, 403, 403, 403, 403)));
        m.put("POST /operator/surveillance/{id}/decision", new Row(w -> post("/operator/surveillance/"
                + proposal("OPEN") + "/decision").param("outcome", "dismiss").param("note", "matrix"),
                expect(302, 302, 403, 403, 403, 403, 403)));
        m.put("GET /operator/labels", new Row(w -> get("/operator/labels"), expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("GET /operator/labels/{id}", new Row(w -> get(operatorLabel), expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/labels/{id}/status", new Row(w -> post(operatorLabel + "/status").param("version", "1"),
                expect(302, 422, 422, 403, 403, 403, 403)));
        m.put("POST /operator/labels/{id}/requests/{requestId}/decision", new Row(w -> post(operatorLabel + "/requests/"
                + UUID.randomUUID() + "/decision"), expect(302, 422, 422, 403, 403, 403, 403)));
        m.put("GET /operator/requirement-changes", new Row(w -> get("/operator/requirement-changes"),
                expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/requirement-changes", new Row(w -> post("/operator/requirement-changes"),
                expect(302, 422, 422, 403, 403, 403, 403)));
        m.put("GET /operator/organizations", new Row(w -> get("/operator/organizations"),
                expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/organizations/{id}/name-changes/{changeId}/decision", new Row(w -> post("/operator/organizations/"
                + world.vendorA + "/name-changes/" + UUID.randomUUID() + "/decision"), expect(302, 422, 422, 403, 403, 403, 403)));
        m.put("GET /operator/users", new Row(w -> get("/operator/users"), expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/users/{id}/status", new Row(w -> post("/operator/users/" + UUID.randomUUID() + "/status")
                .param("enabled", "true"), expect(302, 404, 404, 403, 403, 403, 403)));
        m.put("POST /operator/users/{id}/password-reset", new Row(w -> post("/operator/users/" + UUID.randomUUID()
                + "/password-reset"), expect(302, 404, 404, 403, 403, 403, 403)));
        m.put("POST /operator/users/{id}/sign-out", new Row(w -> post("/operator/users/" + UUID.randomUUID() + "/sign-out"),
                expect(302, 404, 404, 403, 403, 403, 403)));
        m.put("GET /operator/keys", new Row(w -> get("/operator/keys"), expect(302, 200, 403, 403, 403, 403, 403)));
        m.put("POST /operator/keys/rotation", new Row(w -> post("/operator/keys/rotation").param("version", "1"),
                expect(302, 422, 403, 403, 403, 403, 403)));
        m.put("GET /operator/audit", new Row(w -> get("/operator/audit"), expect(302, 200, 200, 403, 403, 403, 403)));
        // Lab console: lab evaluators only, and only the assessments assigned to their lab.
        String labWork = "/lab/assessments/" + labAssigned(fixtures);
        m.put("GET /lab", new Row(w -> get("/lab"), expect(302, 403, 403, 403, 403, 403, 200)));
        m.put("GET /lab/assessments/{id}", new Row(w -> get(labWork), expect(302, 403, 403, 403, 403, 403, 200)));
        m.put("POST /lab/assessments/{id}/test-cases", new Row(w -> post(labWork + "/test-cases").param("version", "1"),
                expect(302, 403, 403, 403, 403, 403, 422)));
        m.put("POST /lab/assessments/{id}/verdicts", new Row(w -> post(labWork + "/verdicts").param("version", "1"),
                expect(302, 403, 403, 403, 403, 403, 422)));
        m.put("POST /lab/assessments/{id}/report", new Row(w -> post(labWork + "/report").param("version", "1"),
                expect(302, 403, 403, 403, 403, 403, 422)));
        m.put("POST /lab/assessments/{id}/transitions", new Row(w -> post(labWork + "/transitions").param("version", "1"),
                expect(302, 403, 403, 403, 403, 403, 422)));

        // The vendor console (issue 14, ADR 0085): vendor roles only (others get 403), and only their own
        // organizations' records (another vendor's product is 404, as in the API). Forms with errors answer 422.
        m.put("GET /vendor", new Row(w -> get("/vendor"), expect(302, 403, 403, 200, 200, 200, 403)));
        m.put("GET /vendor/products", new Row(w -> get("/vendor/products"), expect(302, 403, 403, 200, 200, 200, 403)));
        m.put("GET /vendor/products/new", new Row(w -> get("/vendor/products/new"), expect(302, 403, 403, 200, 200, 200, 403)));
        m.put("POST /vendor/products", new Row(w -> post("/vendor/products").param("nameEn", "Matrix page product "
                + counter.incrementAndGet()).param("modelNumbers", "MX-1").param("category", "CAMERA").param("ipCapable", "true"),
                expect(302, 403, 403, 302, 302, 302, 403)));
        m.put("GET /vendor/products/{id}/versions/{versionId}/sboms", new Row(w -> get(sboms().replace("/api/v1/",
                "/vendor/")), expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("GET /vendor/products/{id}/versions/{versionId}/findings", new Row(w -> get(sboms().replace("/api/v1/",
                "/vendor/").replace("/sboms", "/findings")), expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("POST /vendor/products/{id}/versions/{versionId}/triage", new Row(w -> post(sboms().replace("/api/v1/",
                "/vendor/").replace("/sboms", "/triage")).param("vulnerability", "CVE-2021-44228")
                .param("component", storedComponent()).param("status", "UNDER_INVESTIGATION"),
                expect(302, 403, 403, 302, 302, 404, 403)));
        m.put("GET /vendor/products/{id}", new Row(w -> get("/vendor/products/" + world.productA),
                expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("POST /vendor/products/{id}", new Row(w -> post("/vendor/products/" + world.productA).param("nameEn", "")
                .param("modelNumbers", "X").param("category", "ROUTER").param("version", "1"),
                expect(302, 403, 403, 422, 422, 404, 403)));
        m.put("POST /vendor/products/{id}/versions", new Row(w -> post("/vendor/products/" + world.productA + "/versions")
                .param("version", ""), expect(302, 403, 403, 422, 422, 404, 403)));
        String vendorAssessment = "/vendor/assessments/" + fixtures.draft("jc-star:star-1").id();
        m.put("GET /vendor/assessments", new Row(w -> get("/vendor/assessments"), expect(302, 403, 403, 200, 200, 200, 403)));
        m.put("GET /vendor/assessments/new", new Row(w -> get("/vendor/assessments/new").param("productId",
                world.productA.toString()), expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("POST /vendor/assessments", new Row(w -> post("/vendor/assessments").param("target", "jc-star:star-1"),
                expect(302, 403, 403, 422, 422, 422, 403)));
        m.put("GET /vendor/assessments/{id}", new Row(w -> get(vendorAssessment), expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("POST /vendor/assessments/{id}/answers", new Row(w -> post(vendorAssessment + "/answers"),
                expect(302, 403, 403, 422, 422, 404, 403)));
        m.put("POST /vendor/assessments/{id}/evidence", new Row(w -> post(vendorAssessment + "/evidence")
                .param("requirement", "jc-star-star1#S1.1-01"), expect(302, 403, 403, 422, 422, 404, 403)));
        m.put("POST /vendor/assessments/{id}/submit", new Row(w -> post(vendorAssessment + "/submit"),
                expect(302, 403, 403, 422, 422, 404, 403)));
        // The vendor console's labels, organization profile and users (ADR 0087): a vendor's own labels and
        // organizations (another vendor's are 404); the users page and the name-change form for vendor admins only.
        String vendorLabel = "/vendor/labels/" + labelOf(acceptedSource(fixtures));
        m.put("GET /vendor/labels", new Row(w -> get("/vendor/labels"), expect(302, 403, 403, 200, 200, 200, 403)));
        m.put("GET /vendor/labels/{id}", new Row(w -> get(vendorLabel), expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("GET /vendor/labels/{id}/artwork.pdf", new Row(w -> get(vendorLabel + "/artwork.pdf"),
                expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("POST /vendor/labels/{id}/requests", new Row(w -> post(vendorLabel + "/requests"),
                expect(302, 403, 403, 422, 422, 404, 403)));
        m.put("GET /vendor/organization", new Row(w -> get("/vendor/organization"), expect(302, 403, 403, 200, 200, 200, 403)));
        m.put("POST /vendor/organization/{id}/name-change", new Row(w -> post("/vendor/organization/" + world.vendorA
                + "/name-change").param("name", " "), expect(302, 403, 403, 422, 403, 404, 403)));
        m.put("GET /vendor/users", new Row(w -> get("/vendor/users"), expect(302, 403, 403, 200, 403, 200, 403)));
        // Vendor notices (issue 17 item 5, ADR 0100): sent by the label's vendor (another vendor and a lab: 404, the
        // operator: 403), decided by the operator's admins, answered by the vendor; the forms without their fields: 422.
        UUID noticeLabel = labelOf(acceptedSource(fixtures));
        String labelNotices = "/api/v1/labels/" + noticeLabel + "/notices";
        m.put("POST /api/v1/labels/{id}/notices", new Row(w -> withJson(post(labelNotices), Map.of("kind", "firmware-update",
                "firmwareVersion", "9.9." + counter.incrementAndGet(), "releaseDate", "2026-01-01", "changes", "matrix")),
                expect(401, 403, 403, 201, 201, 404, 404)));
        m.put("GET /api/v1/labels/{id}/notices", new Row(w -> get(labelNotices), expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("GET /api/v1/notices", new Row(w -> get("/api/v1/notices"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/notices/{noticeId}", new Row(w -> get("/api/v1/notices/" + notice(noticeLabel, "SUBMITTED")),
                expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("POST /api/v1/notices/{noticeId}/acknowledgement", new Row(w -> post("/api/v1/notices/"
                + notice(noticeLabel, "SUBMITTED") + "/acknowledgement").header(HttpHeaders.IF_MATCH, "\"1\""),
                expect(401, 200, 403, 403, 403, 404, 404)));
        m.put("POST /api/v1/notices/{noticeId}/clarification", new Row(w -> withJson(post("/api/v1/notices/"
                + notice(noticeLabel, "SUBMITTED") + "/clarification"), Map.of("message", "matrix?"))
                .header(HttpHeaders.IF_MATCH, "\"1\""), expect(401, 200, 403, 403, 403, 404, 404)));
        m.put("POST /api/v1/notices/{noticeId}/answer", new Row(w -> withJson(post("/api/v1/notices/"
                + notice(noticeLabel, "CLARIFICATION_REQUESTED") + "/answer"), Map.of("message", "matrix."))
                .header(HttpHeaders.IF_MATCH, "\"1\""), expect(401, 403, 403, 200, 200, 404, 404)));
        m.put("GET /vendor/labels/{id}/notices", new Row(w -> get("/vendor/labels/" + noticeLabel + "/notices"),
                expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("POST /vendor/labels/{id}/notices", new Row(w -> post("/vendor/labels/" + noticeLabel + "/notices"),
                expect(302, 403, 403, 422, 422, 404, 403)));
        m.put("POST /vendor/notices/{noticeId}/answer", new Row(w -> post("/vendor/notices/"
                + notice(noticeLabel, "CLARIFICATION_REQUESTED") + "/answer"), expect(302, 403, 403, 422, 422, 404, 403)));
        m.put("GET /operator/notices", new Row(w -> get("/operator/notices"), expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("GET /operator/notices/{id}", new Row(w -> get("/operator/notices/" + notice(noticeLabel, "SUBMITTED")),
                expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/notices/{id}/acknowledgement", new Row(w -> post("/operator/notices/"
                + notice(noticeLabel, "SUBMITTED") + "/acknowledgement").param("version", "1"),
                expect(302, 302, 403, 403, 403, 403, 403)));
        m.put("POST /operator/notices/{id}/clarification", new Row(w -> post("/operator/notices/"
                + notice(noticeLabel, "SUBMITTED") + "/clarification").param("version", "1"),
                expect(302, 422, 422, 403, 403, 403, 403)));
        // Surveys (issue 18 item 3, ADR 0105): fingerprints declared by the product's vendor (the operator reads them);
        // campaigns, uploads and label findings for the operator only, decided by its admins.
        String fingerprints = "/api/v1/products/" + world.productA + "/fingerprints";
        m.put("GET /api/v1/products/{id}/fingerprints", new Row(w -> get(fingerprints),
                expect(401, 200, 200, 200, 200, 404, 403)));
        m.put("POST /api/v1/products/{id}/fingerprints", new Row(w -> withJson(post(fingerprints), Map.of("kind", "BANNER",
                "matchType", "EXACT", "value", "Matrix login " + counter.incrementAndGet())),
                expect(401, 403, 403, 201, 201, 404, 403)));
        m.put("DELETE /api/v1/products/{id}/fingerprints/{fpId}", new Row(w -> delete(fingerprints + "/" + fingerprint()),
                expect(401, 403, 403, 204, 204, 404, 403)));
        m.put("GET /api/v1/surveys", new Row(w -> get("/api/v1/surveys"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/surveys/{campaign}", new Row(w -> get("/api/v1/surveys/" + matrixCampaign()),
                expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("PUT /api/v1/surveys/{campaign}", new Row(w -> {
            String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            return withJson(put("/api/v1/surveys/" + id), surveyScope(id));
        }, expect(401, 201, 403, 403, 403, 403, 403)));
        m.put("POST /api/v1/surveys/{campaign}/observations", new Row(w -> post("/api/v1/surveys/" + matrixCampaign()
                + "/observations").contentType("application/x-ndjson").content(observation()),
                expect(401, 200, 403, 403, 403, 403, 403)));
        m.put("POST /api/v1/surveys/{campaign}/rematch", new Row(w -> post("/api/v1/surveys/" + matrixCampaign()
                + "/rematch"), expect(401, 202, 403, 403, 403, 403, 403)));
        m.put("GET /api/v1/labels/{id}/survey-findings", new Row(w -> get("/api/v1/labels/" + noticeLabel
                + "/survey-findings"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("POST /api/v1/survey-findings/{id}/decision", new Row(w -> withJson(post("/api/v1/survey-findings/"
                + surveyFinding(noticeLabel) + "/decision"), Map.of("decision", "DISMISSED", "note", "matrix")),
                expect(401, 200, 403, 403, 403, 403, 403)));
        String vendorFingerprints = "/vendor/products/" + world.productA + "/fingerprints";
        m.put("GET /vendor/products/{id}/fingerprints", new Row(w -> get(vendorFingerprints),
                expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("POST /vendor/products/{id}/fingerprints", new Row(w -> post(vendorFingerprints),
                expect(302, 403, 403, 422, 422, 404, 403)));
        m.put("POST /vendor/products/{id}/fingerprints/{fpId}/delete", new Row(w -> post(vendorFingerprints + "/"
                + fingerprint() + "/delete"), expect(302, 403, 403, 302, 302, 404, 403)));
        m.put("GET /operator/surveillance/survey-findings", new Row(w -> get("/operator/surveillance/survey-findings"),
                expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("POST /operator/surveillance/survey-findings/{id}/decision", new Row(w -> post(
                "/operator/surveillance/survey-findings/" + surveyFinding(noticeLabel) + "/decision")
                .param("decision", "NOTED").param("note", "matrix"), expect(302, 302, 403, 403, 403, 403, 403)));
        m.put("POST /vendor/users", new Row(w -> post("/vendor/users").param("username", "x")
                .param("organizationId", world.vendorA.toString()), expect(302, 403, 403, 422, 403, 404, 403)));
        m.put("POST /vendor/users/{id}/status", new Row(w -> post("/vendor/users/" + freshMember() + "/status")
                .param("enabled", "false"), expect(302, 403, 403, 302, 403, 404, 403)));
        m.put("POST /vendor/users/{id}/role", new Row(w -> post("/vendor/users/" + freshMember() + "/role")
                .param("organizationId", world.vendorA.toString()).param("current", "VENDOR_MEMBER")
                .param("role", "VENDOR_ADMIN"), expect(302, 403, 403, 302, 403, 404, 403)));
        // The public site (issue 14, ADR 0084): the same pages for everyone. The check of text that is no
        // label's QR code is a 422 with the error next to the field, for every caller.
        m.put("GET /registry", new Row(w -> get("/registry?status=valid"), expect(200, 200, 200, 200, 200, 200, 200)));
        String publicProduct = "/products/" + jdbc.sql("select id from product where published = true and in_scope = true"
                + " order by created_at, id limit 1").query(UUID.class).single();
        m.put("GET /products/{id}", new Row(w -> get(publicProduct), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /check", new Row(w -> get("/check"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("POST /check", new Row(w -> post("/check").contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .param("qr", "https://shop.example/not-a-label"),
                expect(422, 422, 422, 422, 422, 422, 422)));
        // Vulnerability reports and cases (issue 17, ADR 0099): anyone reports about a label and follows the case
        // through its link; the case's vendor and the operator's admins act on it, the operator's reviewers read,
        // everyone else gets 404. Each report comes from an address of its own, under the per-source quota.
        String reportLabel = jdbc.sql("select label_id from label where assessment_id = ?")
                .param(acceptedSource(fixtures)).query(String.class).single();
        m.put("POST /api/v1/labels/{id}/reports", new Row(w -> withJson(post("/api/v1/labels/" + reportLabel + "/reports"),
                Map.of("summary", "Matrix report", "details", "Matrix details")).with(newSource()),
                expect(201, 201, 201, 201, 201, 201, 201)));
        m.put("GET /api/v1/case-links/{token}", new Row(w -> get("/api/v1/case-links/" + freshReport(reportLabel).token()),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("POST /api/v1/case-links/{token}/messages", new Row(w -> withJson(post("/api/v1/case-links/"
                + freshReport(reportLabel).token() + "/messages"), Map.of("body", "Matrix answer")),
                expect(201, 201, 201, 201, 201, 201, 201)));
        m.put("POST /api/v1/case-links/{token}/attachments", new Row(w -> post("/api/v1/case-links/"
                + freshReport(reportLabel).token() + "/attachments").param("fileName", "poc.txt")
                .contentType("text/plain").content("matrix"), expect(201, 201, 201, 201, 201, 201, 201)));
        m.put("GET /api/v1/cases", new Row(w -> get("/api/v1/cases"), expect(401, 200, 200, 200, 200, 200, 403)));
        m.put("GET /api/v1/cases/{id}", new Row(w -> get("/api/v1/cases/" + freshCase(reportLabel)),
                expect(401, 200, 200, 200, 200, 404, 404)));
        // A case's deadlines (ADR 0101): read like the case.
        m.put("GET /api/v1/cases/{id}/deadlines", new Row(w -> get("/api/v1/cases/" + freshCase(reportLabel) + "/deadlines"),
                expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("POST /api/v1/cases/{id}/transitions", new Row(w -> withJson(post("/api/v1/cases/" + freshCase(reportLabel)
                + "/transitions"), Map.of("state", "ACKNOWLEDGED")).header(HttpHeaders.IF_MATCH, "\"1\""),
                expect(401, 200, 403, 200, 200, 404, 404)));
        m.put("PUT /api/v1/cases/{id}/facts", new Row(w -> withJson(put("/api/v1/cases/" + freshCase(reportLabel)
                + "/facts"), Map.of("activelyExploited", true)).header(HttpHeaders.IF_MATCH, "\"1\""),
                expect(401, 200, 403, 200, 200, 404, 404)));
        m.put("POST /api/v1/cases/{id}/moments", new Row(w -> withJson(post("/api/v1/cases/" + freshCase(reportLabel)
                + "/moments"), Map.of("moment", "EARLY_WARNING_SENT")).header(HttpHeaders.IF_MATCH, "\"1\""),
                expect(401, 200, 403, 200, 200, 404, 404)));
        m.put("POST /api/v1/cases/{id}/messages", new Row(w -> withJson(post("/api/v1/cases/" + freshCase(reportLabel)
                + "/messages"), Map.of("body", "Matrix reply")), expect(401, 201, 403, 201, 201, 404, 404)));
        m.put("POST /api/v1/cases/{id}/links/revocation", new Row(w -> post("/api/v1/cases/" + freshCase(reportLabel)
                + "/links/revocation"), expect(401, 200, 403, 200, 200, 404, 404)));
        m.put("POST /api/v1/cases/{id}/attachments", new Row(w -> post("/api/v1/cases/" + freshCase(reportLabel)
                + "/attachments").param("fileName", "notes.txt").contentType("text/plain").content("matrix"),
                expect(401, 201, 403, 201, 201, 404, 404)));
        m.put("GET /api/v1/cases/{id}/attachments/{attachmentId}", new Row(w -> get(attachment(reportLabel)),
                expect(401, 200, 200, 200, 200, 404, 404)));
        // CRA report drafts of an actively exploited case (ADR 0097): read like the case itself.
        m.put("GET /api/v1/cases/{id}/cra-drafts/{stage}", new Row(w -> get("/api/v1/cases/"
                + exploitedCase(reportLabel) + "/cra-drafts/early-warning"), expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("GET /api/v1/cases/{id}/cra-drafts/{stage}.pdf", new Row(w -> get("/api/v1/cases/"
                + exploitedCase(reportLabel) + "/cra-drafts/early-warning.pdf"), expect(401, 200, 200, 200, 200, 404, 404)));
        m.put("GET /api/v1/cases/{id}/routing", new Row(w -> get("/api/v1/cases/" + freshCase(reportLabel) + "/routing"),
                expect(401, 200, 200, 200, 200, 404, 404)));
        // The vendor's key for reports (ADR 0102) is public, as on the label page; a product without one is 404.
        m.put("GET /products/{id}/openpgp-key.asc", new Row(w -> get("/products/" + keyedProduct() + "/openpgp-key.asc"),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /labels/{id}/report", new Row(w -> get("/labels/" + reportLabel + "/report"),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("POST /labels/{id}/report", new Row(w -> post("/labels/" + reportLabel + "/report")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED).param("summary", "")
                .with(newSource()), expect(422, 422, 422, 422, 422, 422, 422)));
        m.put("GET /cases/{token}", new Row(w -> get("/cases/" + freshReport(reportLabel).token()),
                expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("POST /cases/{token}/messages", new Row(w -> post("/cases/" + freshReport(reportLabel).token() + "/messages")
                .param("body", "Matrix answer"), expect(302, 302, 302, 302, 302, 302, 302)));
        m.put("POST /cases/{token}/attachments", new Row(w -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/cases/" + freshReport(reportLabel).token() + "/attachments").part(textPart("poc.txt", "matrix")),
                expect(302, 302, 302, 302, 302, 302, 302)));
        m.put("GET /vendor/cases", new Row(w -> get("/vendor/cases"), expect(302, 403, 403, 200, 200, 200, 403)));
        m.put("GET /operator/cases", new Row(w -> get("/operator/cases"), expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("GET /vendor/cases/{id}", new Row(w -> get("/vendor/cases/" + freshCase(reportLabel)),
                expect(302, 403, 403, 200, 200, 404, 403)));
        m.put("GET /operator/cases/{id}", new Row(w -> get("/operator/cases/" + freshCase(reportLabel)),
                expect(302, 200, 200, 403, 403, 403, 403)));
        for (String console : List.of("vendor", "operator")) {
            int[] expected = console.equals("vendor") ? expect(302, 403, 403, 302, 302, 404, 403)
                    : expect(302, 302, 403, 403, 403, 403, 403);
            m.put("POST /" + console + "/cases/{id}/transitions", new Row(w -> post("/" + console + "/cases/"
                    + freshCase(reportLabel) + "/transitions").param("state", "ACKNOWLEDGED").param("version", "1"), expected));
            m.put("POST /" + console + "/cases/{id}/facts", new Row(w -> post("/" + console + "/cases/"
                    + freshCase(reportLabel) + "/facts").param("activelyExploited", "true").param("version", "1"), expected));
            m.put("POST /" + console + "/cases/{id}/messages", new Row(w -> post("/" + console + "/cases/"
                    + freshCase(reportLabel) + "/messages").param("body", "Matrix reply"), expected));
            m.put("POST /" + console + "/cases/{id}/moments", new Row(w -> post("/" + console + "/cases/"
                    + freshCase(reportLabel) + "/moments").param("moment", "EARLY_WARNING_SENT").param("version", "1"),
                    expected));
            m.put("POST /" + console + "/cases/{id}/links/revocation", new Row(w -> post("/" + console + "/cases/"
                    + freshCase(reportLabel) + "/links/revocation"), expected));
        }
        // Survey owners and reports (issue 18 items 4 and 5, ADR 0106): the operator's alone; admins import the
        // address-to-owner table. The campaign's one failing device is held by no imported block (owner "-").
        SurveyFixtures surveys = new SurveyFixtures(jdbc);
        String survey = SurveyFixtures.id("matrix");
        surveys.campaign(survey, "Matrix survey", List.of("203.0.113.0/24"), 256, java.time.OffsetDateTime.now());
        surveys.device(survey, "203.0.113.77", null, List.of(SurveyFixtures.finding("default-credentials", 80, "http",
                "FAIL", "logged in with a default credential (admin/[redacted])", "etsi-en-303-645:5.1-1")));
        m.put("POST /api/v1/address-owners/imports", new Row(w -> post("/api/v1/address-owners/imports?format=routes")
                .contentType("text/plain").content("192.0.2.0/24 64500 MATRIX-NET\n"),
                expect(401, 201, 403, 403, 403, 403, 403)));
        m.put("GET /api/v1/address-owners/imports", new Row(w -> get("/api/v1/address-owners/imports"),
                expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/address-owners/lookup", new Row(w -> get("/api/v1/address-owners/lookup?address=192.0.2.1"),
                expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/surveys/{campaign}/owners", new Row(w -> get("/api/v1/surveys/" + survey + "/owners"),
                expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/surveys/{campaign}/owners/{owner}/findings", new Row(w -> get("/api/v1/surveys/" + survey
                + "/owners/-/findings"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/surveys/{campaign}/owners/{owner}/findings.csv", new Row(w -> get("/api/v1/surveys/" + survey
                + "/owners/-/findings.csv"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/surveys/{campaign}/summary", new Row(w -> get("/api/v1/surveys/" + survey + "/summary"),
                expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /api/v1/surveys/{campaign}/devices/{address}/oscal", new Row(w -> get("/api/v1/surveys/" + survey
                + "/devices/203.0.113.77/oscal"), expect(401, 200, 200, 403, 403, 403, 403)));
        m.put("GET /operator/survey-reports", new Row(w -> get("/operator/survey-reports"),
                expect(302, 200, 200, 403, 403, 403, 403)));
        m.put("GET /operator/survey-reports/{campaign}", new Row(w -> get("/operator/survey-reports/" + survey),
                expect(302, 200, 200, 403, 403, 403, 403)));
        // Framework routes: the OpenAPI document is public; /error answers a direct call with a 404 problem.
        m.put("GET /v3/api-docs", new Row(w -> get("/v3/api-docs"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("GET /v3/api-docs.yaml", new Row(w -> get("/v3/api-docs.yaml"), expect(200, 200, 200, 200, 200, 200, 200)));
        m.put("ANY /error", new Row(w -> get("/error"), expect(404, 404, 404, 404, 404, 404, 404)));
        return m;
    }

    @Test
    void everyRouteHasAMatrixRow() {
        TreeSet<String> served = new TreeSet<>();
        // The status lists are answered by a filter ahead of Spring MVC (ADR 0052), not by a handler method.
        io.iotseal.server.label.StatusListFilter.PATHS.keySet().forEach(path -> served.add("GET " + path));
        routes.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("ANY " + path);
                }
                for (RequestMethod rm : methods) {
                    served.add(rm.name() + " " + path);
                }
            }
        });
        assertThat(served).as("routes the server serves; add a row to the matrix for each new one")
                .containsExactlyInAnyOrderElementsOf(matrix().keySet());
    }

    @Test
    void everyRoleGetsTheExpectedAnswerFromEveryRoute() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var entry : matrix().entrySet()) {
            for (Who who : Who.values()) {
                int expected = entry.getValue().expected()[who.ordinal()];
                MvcResult result = mvc.perform(as(who, entry.getValue().call().build(who))).andReturn();
                int status = result.getResponse().getStatus();
                if (status != expected) {
                    failures.add(entry.getKey() + " as " + who + ": expected " + expected + ", got " + status + " "
                            + result.getResponse().getContentAsString());
                } else if (status >= 400) {
                    String type = result.getResponse().getContentType();
                    // A page's form with errors is the page again (ADR 0074); everything else is a problem.
                    boolean form = status == 422 && !entry.getKey().contains(" /api/");
                    if (form ? type == null || !type.startsWith("text/html")
                            : type == null || !type.startsWith("application/problem+json")) {
                        failures.add(entry.getKey() + " as " + who + ": " + status + " without a problem detail (" + type + ")");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private String etag(String path) throws Exception {
        return mvc.perform(as(Who.OPERATOR_ADMIN, get(path))).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    }

    /** The SBOM route of product A's world version. */
    private String sboms() {
        UUID version = jdbc.sql("select id from product_version where product_id = ? and version = ?")
                .params(world.productA, world.productAVersion).query(UUID.class).single();
        return "/api/v1/products/" + world.productA + "/versions/" + version + "/sboms";
    }

    /** A minimal valid CycloneDX 1.6 document with one component of the given name. */
    private static String sbom(String component) {
        return "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1, \"components\": ["
                + "{\"type\": \"library\", \"name\": \"" + component + "\", \"version\": \"1.0\","
                + " \"purl\": \"pkg:generic/" + component + "@1.0\"}]}";
    }

    /** The SHA-256 of an SBOM stored for product A's world version (uploaded by its vendor's admin). */
    private String storedSbom() throws Exception {
        return body(mvc.perform(as(Who.VENDOR_ADMIN, post(sboms()).contentType("application/vnd.cyclonedx+json")
                .content(sbom("matrix-stored")))).andReturn()).get("sha256").asText();
    }

    private String matchedAdvisory;

    /** A KEV catalog of one entry, in the catalog's shape. */
    private static String kevCatalog() {
        return "{\"title\": \"CISA Catalog of Known Exploited Vulnerabilities\", \"catalogVersion\": \"2026.12.01\","
                + " \"dateReleased\": \"2026-12-01T12:00:00.000Z\", \"count\": 1, \"vulnerabilities\": [{\"cveID\":"
                + " \"CVE-2021-44228\", \"vendorProject\": \"Apache\", \"product\": \"Log4j2\", \"vulnerabilityName\":"
                + " \"Apache Log4j2 Remote Code Execution Vulnerability\", \"dateAdded\": \"2021-12-10\","
                + " \"shortDescription\": \"Matrix test entry.\", \"requiredAction\": \"Apply updates.\","
                + " \"dueDate\": \"2021-12-24\", \"knownRansomwareCampaignUse\": \"Known\", \"notes\": \"\","
                + " \"cwes\": [\"CWE-502\"]}]}";
    }

    /** An advisory with a finding on vendor A's world version: stored, then an SBOM naming its package uploaded. */
    private String matchedAdvisory() throws Exception {
        if (matchedAdvisory == null) {
            String id = "GHSA-matrix-" + UUID.randomUUID().toString().substring(0, 8);
            String purl = "pkg:generic/matrix-" + id.substring(12);
            Actor admin = new Actor(UUID.randomUUID(), "matrix", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
            context.getBean(io.iotseal.server.advisory.AdvisoryImports.class).store(admin,
                    new io.iotseal.server.advisory.AdvisoryImports.Batch("OSV", "matrix", "0".repeat(64), List.of(
                            new io.iotseal.advisory.Advisory(id, io.iotseal.advisory.AdvisorySource.OSV, List.of(), "matrix",
                                    null, java.time.Instant.parse("2026-01-01T00:00:00Z"), false, List.of(),
                                    List.of(new io.iotseal.advisory.AffectedPackage(purl, null, List.of(
                                            new io.iotseal.advisory.AffectedRange("ECOSYSTEM", List.of(
                                                    new io.iotseal.advisory.RangeEvent(io.iotseal.advisory.RangeEvent.Kind.INTRODUCED, "0"),
                                                    new io.iotseal.advisory.RangeEvent(io.iotseal.advisory.RangeEvent.Kind.FIXED, "2.0"))
                                            )), List.of())), List.of(), List.of())), List.of(), List.of()));
            mvc.perform(as(Who.VENDOR_ADMIN, post(sboms()).contentType("application/vnd.cyclonedx+json")
                    .content("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1, \"components\": ["
                            + "{\"type\": \"library\", \"name\": \"matrix\", \"version\": \"1.0\", \"purl\": \""
                            + purl + "@1.0\"}]}")));
            matchedAdvisory = id;
        }
        return matchedAdvisory;
    }

    /** A request from an address no other report came from, so the per-source quota (ADR 0099) stays out of the way. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor newSource() {
        int n = counter.incrementAndGet();
        return request -> {
            request.setRemoteAddr("10.66." + (n / 250) + "." + (n % 250 + 1));
            return request;
        };
    }

    /** A new report about the label, from an address of its own. */
    private io.iotseal.server.disclosure.Submitted freshReport(String labelId) {
        int n = counter.incrementAndGet();
        return context.getBean(io.iotseal.server.disclosure.ReportIntake.class).submit(labelId,
                new io.iotseal.server.disclosure.ReportInput("Matrix report", "Matrix details", null, null, null, false,
                        false, null), "10.67." + (n / 250) + "." + (n % 250 + 1));
    }

    /** A multipart form's file field "file" holding {@code text} as text/plain. */
    static org.springframework.mock.web.MockPart textPart(String fileName, String text) {
        org.springframework.mock.web.MockPart part = new org.springframework.mock.web.MockPart("file", fileName,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        part.getHeaders().setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
        return part;
    }

    /** The id of a new case (version 1) about the label. */
    private UUID freshCase(String labelId) {
        String token = freshReport(labelId).token();
        return jdbc.sql("select case_id from disclosure_link where token_sha256 = ?")
                .param(io.iotseal.digest.Sha256.hex(token)).query(UUID.class).single();
    }

    /** The id of a new case about the label, marked actively exploited by the operator (the CRA drafts need it). */
    private UUID exploitedCase(String labelId) {
        UUID id = freshCase(labelId);
        Actor admin = new Actor(UUID.randomUUID(), "matrix", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        context.getBean(io.iotseal.server.disclosure.CaseService.class).updateFacts(admin, id, 1,
                new io.iotseal.server.disclosure.CaseFacts(null, null, true, null));
        return id;
    }

    /** The path of a file attached to a new case by the reporter. */
    private String attachment(String labelId) throws Exception {
        String token = freshReport(labelId).token();
        String id = body(mvc.perform(post("/api/v1/case-links/" + token + "/attachments").param("fileName", "poc.txt")
                .contentType("text/plain").content("matrix")).andReturn()).get("id").asText();
        UUID caseId = jdbc.sql("select case_id from disclosure_link where token_sha256 = ?")
                .param(io.iotseal.digest.Sha256.hex(token)).query(UUID.class).single();
        return "/api/v1/cases/" + caseId + "/attachments/" + id;
    }

    /** A published product of vendor A with an OpenPGP key for reports (the registry's kind of key will do). */
    private UUID keyedProduct() {
        Actor admin = new Actor(UUID.randomUUID(), "matrix", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        io.iotseal.server.product.ProductInput p = World.product(world.vendorA, "Keyed " + counter.incrementAndGet(), true);
        String key = io.iotseal.openpgp.OpenPgpKeyPair.generate("Matrix PSIRT <psirt@vendor-a.example>",
                java.time.Instant.now(), "matrix".toCharArray()).publicKey().armored();
        return products.create(admin, new io.iotseal.server.product.ProductInput(p.vendorId(), p.nameEn(), p.nameJa(),
                p.modelNumbers(), p.category(), p.description(), p.deviceDescription(), p.ipCapable(), p.services(),
                p.supportEndDate(), p.vulnerabilityDisclosureUrl(), p.vulnerabilityContact(), key, p.published())).id();
    }

    private UUID freshProduct(boolean assignedToLab) {
        Actor admin = new Actor(UUID.randomUUID(), "matrix", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        UUID id = products.create(admin, World.product(world.vendorA, "Fresh " + counter.incrementAndGet(), false)).id();
        if (assignedToLab) {
            products.assignLab(admin, id, world.lab, true);
        }
        return id;
    }

    private UUID acceptedSource;
    private UUID labAssigned;

    /** One third-party assessment in evaluation by the world's lab, for the lab console's rows. */
    private UUID labAssigned(AssessmentFixtures fixtures) {
        if (labAssigned == null) {
            labAssigned = fixtures.withLab(true).id();
        }
        return labAssigned;
    }

    /** One accepted ★1 assessment of vendor A, the prefill source for every caller. */
    private UUID acceptedSource(AssessmentFixtures fixtures) {
        if (acceptedSource == null) {
            acceptedSource = fixtures.acceptedStarOne().id();
        }
        return acceptedSource;
    }

    /** A new vendor A member, for a row that changes the user it acts on. */
    private UUID freshMember() {
        Actor admin = new Actor(UUID.randomUUID(), "matrix", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        return accounts.create(admin, new UserInput("matrix-member-" + counter.incrementAndGet(), "Matrix member", null,
                null, List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))).id();
    }

    private UUID vendorMemberToken() {
        Actor member = new Actor(world.user(Who.VENDOR_MEMBER), "world-vendor-member",
                List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)));
        return accounts.createToken(member, new TokenInput("to revoke", 1)).id();
    }

    /** Rotates twice as the operator's admin and answers the key in between, which signed no label. */
    private String unusedRetiredKey() throws Exception {
        String kid = null;
        for (int i = 0; i < 2; i++) {
            MvcResult rotated = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/label-keys/rotation"),
                    Map.of("reason", "Matrix set-up")).header(HttpHeaders.IF_MATCH, etag("/api/v1/label-keys")))).andReturn();
            assertThat(rotated.getResponse().getStatus()).isEqualTo(200);
            if (kid == null) {
                kid = body(rotated).get("activeKid").asText();
            }
        }
        return kid;
    }

    /** A fresh BSI label inside its renewal window, of a vendor A product no lab is assigned to. */
    private UUID renewableLabel(AssessmentFixtures fixtures) {
        return labelOf(fixtures.renewableBsi("Matrix Cam " + counter.incrementAndGet()).id());
    }

    private static Map<String, Object> matrixWebhook() {
        return Map.of("channel", "webhook", "url", "http://127.0.0.1:9/matrix", "types", List.of("label.expired"));
    }

    /** A fresh webhook subscription of vendor A, made by its admin. */
    private String vendorSubscription() throws Exception {
        MvcResult made = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/subscriptions"), matrixWebhook()))).andReturn();
        assertThat(made.getResponse().getStatus()).isEqualTo(201);
        return body(made).get("id").asText();
    }

    /** The purl of the component of {@link #storedSbom()}, stored first if need be. */
    private String storedComponent() throws Exception {
        storedSbom();
        return "pkg:generic/matrix-stored@1.0";
    }

    private static String openVex(String purl) {
        return "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"@id\": \"https://example.com/vex/matrix\","
                + " \"author\": \"Matrix\", \"timestamp\": \"2026-11-01T00:00:00Z\", \"version\": 1, \"statements\": ["
                + "{\"vulnerability\": {\"name\": \"CVE-2021-44228\"}, \"products\": [{\"@id\": \"" + purl + "\"}],"
                + " \"status\": \"under_investigation\"}]}";
    }

    private UUID surveilledLabel;

    /** A fresh surveillance proposal in {@code state} on a BSI label of vendor A (a hearing open for a week). */
    private UUID proposal(String state) {
        if (surveilledLabel == null) {
            surveilledLabel = renewableLabel(new AssessmentFixtures(context, world));
            // Suspended, so that an evaluation of the policy (after any re-match) leaves these proposals alone.
            jdbc.sql("update label set status = 'SUSPENDED', reason = 'matrix' where id = ?").param(surveilledLabel).update();
        }
        UUID version = jdbc.sql("select v.id from product_version v join label l on l.product_id = v.product_id"
                + " where l.id = ?").param(surveilledLabel).query(UUID.class).list().getFirst();
        UUID id = UUID.randomUUID();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("insert into surveillance_proposal (id, label_id, version_id, rule_id, action, finding_key, vulnerability_id,"
                        + " component, triage_state, since, due, state, hearing_ends, created_at, updated_at)"
                        + " values (?, ?, ?, 'kev-unfixed', 'SUSPEND', ?, 'CVE-2021-44228', 'pkg:generic/matrix@1.0',"
                        + " 'UNTRIAGED', ?, ?, ?, ?, ?, ?)")
                .params(id, surveilledLabel, version, id.toString().replace("-", ""), now.minusDays(40), now.minusDays(10),
                        state, "HEARING".equals(state) ? now.plusDays(7) : null, now, now)
                .update();
        return id;
    }

    /** A fresh firmware-update notice about {@code label} in {@code state}, at version 1. */
    private UUID notice(UUID label, String state) {
        UUID id = UUID.randomUUID();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("insert into vendor_notice (id, label_id, product_id, vendor_id, kind, state, firmware_version, release_date,"
                        + " changes, submitted_by, submitted_at, updated_at, version) select ?, id, product_id, vendor_id,"
                        + " 'FIRMWARE_UPDATE', ?, ?, ?, 'matrix', 'matrix', ?, ?, 1 from label where id = ?")
                .params(id, state, "8." + counter.incrementAndGet(), java.time.LocalDate.of(2026, 1, 1), now, now, label)
                .update();
        return id;
    }

    private String surveyCampaign;

    /** A survey scope over 127.99.0.0/16 with the given id. */
    private static Map<String, Object> surveyScope(String id) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", "iotseal-survey-scope/1");
        s.put("id", id);
        s.put("title", "Matrix survey");
        s.put("blocks", List.of("127.99.0.0/16"));
        s.put("ports", List.of(80));
        s.put("checks", List.of("default-credentials"));
        s.put("rate", 10);
        s.put("window", Map.of("from", "2026-12-01T00:00:00Z", "until", "2026-12-31T23:59:59Z"));
        s.put("legalBasis", "Matrix");
        s.put("signedOffBy", "Matrix lead");
        s.put("signedOffAt", "2026-11-30T09:00:00Z");
        return s;
    }

    /** A campaign registered once for the matrix (its scope's SHA-256 as the registry computed it). */
    private String matrixCampaign() throws Exception {
        if (surveyCampaign == null) {
            String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(put("/api/v1/surveys/" + id), surveyScope(id))))
                    .andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(201);
            surveyCampaign = id;
        }
        return surveyCampaign;
    }

    /** One observation line of the matrix campaign, of an address of its own. */
    private String observation() throws Exception {
        String id = matrixCampaign();
        String sha = jdbc.sql("select scope_sha256 from survey_campaign where id = ?").param(id).query(String.class).single();
        int n = counter.incrementAndGet();
        return json.writeValueAsString(Map.of("format", "iotseal-survey-observation/1", "campaign", id,
                "scopeSha256", sha, "address", "127.99." + (n / 250) + "." + (n % 250 + 1),
                "observedAt", "2026-12-01T17:00:00Z", "finishedAt", "2026-12-01T17:00:01Z", "reached", false,
                "optedOut", false, "reachability", "no answer", "worker", "matrix"));
    }

    /** A fresh fingerprint of product A, declared as its vendor would. */
    private UUID fingerprint() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into product_fingerprint (id, product_id, kind, match_type, fp_value, port, declared_by, declared_at)"
                        + " values (?, ?, 'BANNER', 'EXACT', ?, null, 'matrix', ?)")
                .params(id, world.productA, "Matrix " + id, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
        return id;
    }

    /** A fresh OPEN survey finding on {@code label}, with the observation it comes from. */
    private UUID surveyFinding(UUID label) throws Exception {
        String campaign = matrixCampaign();
        UUID observation = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String address = "127.99.250." + (counter.incrementAndGet() % 250);
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("delete from survey_observation where campaign_id = ? and address = ?").params(campaign, address).update();
        jdbc.sql("insert into survey_observation (id, campaign_id, address, observed_at, finished_at, reached, opted_out,"
                        + " reachability, fail_count, services_json, fingerprints_json, findings_json, worker, received_at)"
                        + " values (?, ?, ?, ?, ?, true, false, '', 1, '[]', '[]', '[]', 'matrix', ?)")
                .params(observation, campaign, address, now, now, now).update();
        jdbc.sql("insert into survey_label_finding (id, label_id, observation_id, campaign_id, address, check_id, port,"
                        + " service, summary, fingerprint, state, created_at)"
                        + " values (?, ?, ?, ?, ?, 'default-credentials', 80, 'http', 'matrix', 'BANNER EXACT matrix', 'OPEN', ?)")
                .params(id, label, observation, campaign, address, now).update();
        return id;
    }

    private UUID labelOf(Object assessmentId) {
        return jdbc.sql("select id from label where assessment_id = ?").param(UUID.fromString(assessmentId.toString()))
                .query(UUID.class).single();
    }

}
