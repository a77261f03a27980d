package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.audit.JdbcAuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AuditLogTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyChangeIsLoggedWithActorBeforeAndAfter() throws Exception {
        JsonNode created = body(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"),
                World.product(world.vendorA, "Audited plug", false)))).andExpect(status().isCreated()).andReturn());
        String id = created.get("id").asText();
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(put("/api/v1/products/" + id), World.product(world.vendorA, "Audited plug 2", false)))
                .header(HttpHeaders.IF_MATCH, "\"1\"")).andExpect(status().isOk());

        JsonNode log = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/audit").param("entityType", "product")
                .param("entityId", id))).andExpect(status().isOk()).andReturn());
        assertThat(log.get("totalItems").asLong()).isEqualTo(2);
        JsonNode update = log.get("items").get(0);
        assertThat(update.get("action").asText()).isEqualTo("product.update");
        assertThat(update.get("actor").asText()).contains("world-vendor-admin").contains(world.user(Who.VENDOR_ADMIN).toString());
        assertThat(json.readTree(update.get("before").asText()).get("nameEn").asText()).isEqualTo("Audited plug");
        assertThat(json.readTree(update.get("after").asText()).get("nameEn").asText()).isEqualTo("Audited plug 2");
        assertThat(update.get("prevHash").asText()).isEqualTo(log.get("items").get(1).get("hash").asText());
        JsonNode create = log.get("items").get(1);
        assertThat(create.get("before").isNull()).isTrue();
    }

    @Test
    void tamperingIsFoundAtTheChangedEntry() throws Exception {
        mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/audit/verification")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
        long seq = jdbc.sql("select min(seq) + 2 from audit_entry").query(Long.class).single();
        String actor = jdbc.sql("select actor from audit_entry where seq = ?").param(seq).query(String.class).single();
        jdbc.sql("update audit_entry set actor = 'mallory' where seq = ?").param(seq).update();
        try {
            mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/audit/verification")))
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.firstBadEntry").value(seq));
            try (Connection c = dataSource.getConnection()) {
                assertThat(JdbcAuditLog.verify(c).failure().orElseThrow().seq()).isEqualTo(seq);
            }
        } finally {
            jdbc.sql("update audit_entry set actor = ? where seq = ?").params(actor, seq).update();
        }
        mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/audit/verification"))).andExpect(jsonPath("$.ok").value(true));
    }
}
