package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.server.organization.OrganizationInput;
import io.iotseal.server.access.OrganizationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Legal names (ADR 0067): a vendor cannot put another company's name on its labels. Its admins ask, the
 * operator approves or rejects, labels carry approved names only, and names are unique regardless of case.
 */
class OrganizationNameTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    private String vendorA;

    @BeforeEach
    void noPendingChange() {
        vendorA = "/api/v1/organizations/" + world.vendorA;
        // The authorization matrix leaves a pending request behind.
        jdbc.sql("update organization_name_change set state = 'REJECTED' where organization_id = ? and state = 'PENDING'")
                .param(world.vendorA).update();
    }

    private JsonNode call(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(as(who, request)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        return body(result);
    }

    private String etag() throws Exception {
        return mvc.perform(as(Who.OPERATOR_ADMIN, get(vendorA))).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    }

    /** The vendor name on a label issued now, after checking the operator saw the same name on the assessment. */
    private String labelVendorName() throws Exception {
        UUID assessment = new AssessmentFixtures(context, world).acceptedStarOne().id();
        String label = jdbc.sql("select vendor_name from label where assessment_id = ?").param(assessment)
                .query(String.class).single();
        assertThat(call(Who.OPERATOR_REVIEWER, get("/api/v1/assessments/" + assessment), 200).get("vendorName").asText())
                .isEqualTo(label);
        return label;
    }

    @Test
    void aVendorAdminCannotRenameItsOrganizationDirectly() throws Exception {
        JsonNode refused = call(Who.VENDOR_ADMIN, withJson(put(vendorA),
                new OrganizationInput(OrganizationKind.VENDOR, "Vendor B", "ベンダーA", "JP")).header(HttpHeaders.IF_MATCH, etag()), 403);
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(refused.get("detail").asText()).contains("name-changes");
        call(Who.VENDOR_ADMIN, withJson(put(vendorA), new OrganizationInput(OrganizationKind.VENDOR, "Vendor A", "別名", "JP"))
                .header(HttpHeaders.IF_MATCH, etag()), 403);
        // The country is still the vendor's to change.
        call(Who.VENDOR_ADMIN, withJson(put(vendorA), new OrganizationInput(OrganizationKind.VENDOR, "Vendor A", "ベンダーA", "JP"))
                .header(HttpHeaders.IF_MATCH, etag()), 200);
        assertThat(labelVendorName()).isEqualTo("Vendor A");
    }

    @Test
    void namesAreUniqueWhateverTheCaseWidthOrSpacingAndTheConflictNamesOnlyTheField() throws Exception {
        for (String taken : new String[]{"vendor b", "  VENDOR   B ", "Ｖｅｎｄｏｒ Ｂ"}) {
            JsonNode conflict = call(Who.VENDOR_ADMIN, withJson(post(vendorA + "/name-changes"), Map.of("name", taken)), 409);
            assertThat(conflict.get("errors").get(0).get("field").asText()).isEqualTo("name");
            assertThat(conflict.toString()).doesNotContain(world.vendorB.toString()).doesNotContain("Vendor B");
        }
        call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/organizations"),
                new OrganizationInput(OrganizationKind.VENDOR, "VENDOR a", null, "JP")), 409);
        call(Who.OPERATOR_ADMIN, withJson(put(vendorA), new OrganizationInput(OrganizationKind.VENDOR, "vendor b", null, "JP"))
                .header(HttpHeaders.IF_MATCH, etag()), 409);
    }

    @Test
    void aNameChangeTakesEffectWhenTheOperatorApprovesIt() throws Exception {
        JsonNode asked = call(Who.VENDOR_ADMIN, withJson(post(vendorA + "/name-changes"),
                Map.of("name", "Vendor A Holdings", "nameJa", "ベンダーAホールディングス")), 201);
        assertThat(asked.get("state").asText()).isEqualTo("PENDING");
        String change = asked.get("id").asText();
        // A second request waits for the first; a request for the same name by another vendor is refused.
        call(Who.VENDOR_ADMIN, withJson(post(vendorA + "/name-changes"), Map.of("name", "Vendor A Group")), 409);
        call(Who.OTHER_VENDOR_ADMIN, withJson(post("/api/v1/organizations/" + world.vendorB + "/name-changes"),
                Map.of("name", "vendor a holdings")), 409);

        assertThat(labelVendorName()).as("labels carry approved names only").isEqualTo("Vendor A");

        // The operator's queue shows who asks (the current name) and what for.
        JsonNode queue = call(Who.OPERATOR_REVIEWER, get("/api/v1/name-changes"), 200);
        JsonNode queued = null;
        for (JsonNode c : queue) {
            if (c.get("id").asText().equals(change)) {
                queued = c;
            }
        }
        assertThat(queued).isNotNull();
        assertThat(queued.get("currentName").asText()).isEqualTo("Vendor A");
        assertThat(queued.get("name").asText()).isEqualTo("Vendor A Holdings");
        call(Who.VENDOR_ADMIN, get("/api/v1/name-changes"), 403);

        String decision = vendorA + "/name-changes/" + change + "/decision";
        call(Who.VENDOR_ADMIN, withJson(post(decision), Map.of("action", "approve")), 403);
        call(Who.OPERATOR_REVIEWER, withJson(post(decision), Map.of("action", "approve")), 403);
        try {
            assertThat(call(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("action", "approve")), 200)
                    .get("state").asText()).isEqualTo("APPROVED");
            call(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("action", "reject", "comment", "late")), 409);
            JsonNode org = call(Who.VENDOR_MEMBER, get(vendorA), 200);
            assertThat(org.get("name").asText()).isEqualTo("Vendor A Holdings");
            assertThat(org.get("nameJa").asText()).isEqualTo("ベンダーAホールディングス");
            assertThat(labelVendorName()).isEqualTo("Vendor A Holdings");
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ? and action in"
                    + " ('organization.name.request', 'organization.name.approve')").param(change)
                    .query(Long.class).single()).isEqualTo(2);
        } finally {
            call(Who.OPERATOR_ADMIN, withJson(put(vendorA), new OrganizationInput(OrganizationKind.VENDOR, "Vendor A",
                    "ベンダーA", "JP")).header(HttpHeaders.IF_MATCH, etag()), 200);
        }
    }

    @Test
    void aRejectionSaysWhyAndChangesNothing() throws Exception {
        String change = call(Who.VENDOR_ADMIN, withJson(post(vendorA + "/name-changes"), Map.of("name", "Not Vendor A")),
                201).get("id").asText();
        String decision = vendorA + "/name-changes/" + change + "/decision";
        JsonNode noReason = call(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("action", "reject")), 400);
        assertThat(noReason.get("errors").get(0).get("field").asText()).isEqualTo("comment");
        call(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("action", "reject", "comment", "not your legal name")), 200);
        JsonNode history = call(Who.VENDOR_ADMIN, get(vendorA + "/name-changes"), 200);
        assertThat(history.get(0).get("state").asText()).isEqualTo("REJECTED");
        assertThat(history.get(0).get("comment").asText()).isEqualTo("not your legal name");
        assertThat(call(Who.VENDOR_ADMIN, get(vendorA), 200).get("name").asText()).isEqualTo("Vendor A");
        call(Who.OTHER_VENDOR_ADMIN, get(vendorA + "/name-changes"), 404);
    }
}
