package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Without a mail server ({@code spring.mail.host} unset, as in the shared test context) the report's e-mail to the
 * vendor's contact is not lost silently: the case records that it was not sent and why (ADR 0102).
 */
class ReportRoutingWithoutMailTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theCaseSaysTheMailWasNotSentForWantOfAMailServer() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        CaseFixtures.Labelled l = CaseFixtures.labelled(context, world, "Unmailed Camera " + marker, false, "1.0.0");
        MvcResult r = mvc.perform(withJson(post("/api/v1/labels/" + l.labelId() + "/reports"),
                Map.of("summary", "Open debug port " + marker, "details", "UART console without a password."))
                .with(request -> {
                    request.setRemoteAddr("203.0.113." + (Math.abs(marker.hashCode()) % 250 + 1));
                    return request;
                })).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        UUID caseId = jdbc.sql("select id from disclosure_case where summary = ?").param("Open debug port " + marker)
                .query(UUID.class).single();

        JsonNode[] routing = new JsonNode[1];
        WebhookReceiver.eventually(Duration.ofSeconds(20), "the mail's outcome recorded", () -> {
            try {
                routing[0] = body(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/cases/" + caseId + "/routing")))
                        .andReturn());
                return !"PENDING".equals(routing[0].get("mailState").asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(routing[0].get("mailState").asText()).isEqualTo("NOT_SENT");
        assertThat(routing[0].get("mailTo").asText()).isEqualTo("psirt@example.com");
        assertThat(routing[0].get("mailDetail").asText()).contains("not sent: no mail server");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'case.route.mail' and entity_id = ?")
                .param(caseId.toString()).query(Long.class).single()).isEqualTo(1);
    }
}
