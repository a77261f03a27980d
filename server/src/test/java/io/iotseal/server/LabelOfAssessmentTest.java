package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** {@code GET /api/v1/assessments/{id}/label} tells another tenant nothing: the same 404 as for no assessment. */
class LabelOfAssessmentTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    private JsonNode notFound(Who who, UUID assessment) throws Exception {
        MvcResult result = mvc.perform(as(who, get("/api/v1/assessments/" + assessment + "/label"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        ObjectNode problem = (ObjectNode) body(result);
        // Only the id asked about may differ.
        problem.put("detail", problem.path("detail").asText().replace(assessment.toString(), "{id}"));
        problem.put("instance", problem.path("instance").asText().replace(assessment.toString(), "{id}"));
        return problem;
    }

    @Test
    void anotherTenantsAcceptedAssessmentLooksMissing() throws Exception {
        UUID accepted = new AssessmentFixtures(context, world).acceptedStarOne().id();
        String labelUuid = jdbc.sql("select id from label where assessment_id = ?").param(accepted)
                .query(String.class).single();
        JsonNode hidden = notFound(Who.OTHER_VENDOR_ADMIN, accepted);
        assertThat(hidden.toString()).doesNotContain(labelUuid);
        assertThat(hidden).isEqualTo(notFound(Who.OTHER_VENDOR_ADMIN, UUID.randomUUID()));
    }
}
