package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class IdempotencyTest extends ApiTest {

    private long count(String name) {
        return jdbc.sql("select count(*) from product where name_en = ?").param(name).query(Long.class).single();
    }

    @Test
    void sameKeySameBodyReplaysTheFirstResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Idempotent " + key.substring(0, 8); // the label's limits: names of 60 bytes, models of 32
        var body = World.product(world.vendorA, name, false);
        MvcResult first = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), body)).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andReturn();
        MvcResult again = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), body)).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true")).andReturn();
        assertThat(body(again)).isEqualTo(body(first));
        assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(again.getResponse().getHeader("ETag")).isEqualTo(first.getResponse().getHeader("ETag"));
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void sameKeyDifferentBodyIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), World.product(world.vendorA, "First " + key.substring(0, 8), false)))
                .header("Idempotency-Key", key)).andExpect(status().isCreated());
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), World.product(world.vendorA, "Second " + key.substring(0, 8), false)))
                .header("Idempotency-Key", key)).andExpect(status().isUnprocessableEntity());
        assertThat(count("Second " + key.substring(0, 8))).isZero();
    }

    @Test
    void keysBelongToTheCallerAndFailedCreatesKeepNoKey() throws Exception {
        String key = UUID.randomUUID().toString();
        var body = World.product(world.vendorA, "Shared key " + key.substring(0, 8), false);
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), body)).header("Idempotency-Key", key))
                .andExpect(status().isCreated());
        // Another user with the same key is a different request: it runs (and creates its own product).
        mvc.perform(as(Who.VENDOR_MEMBER, withJson(post("/api/v1/products"), body)).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(count("Shared key " + key.substring(0, 8))).isEqualTo(2);

        // A refused create keeps no key, so the same key works once the request is fixed.
        String key2 = UUID.randomUUID().toString();
        mvc.perform(as(Who.LAB_EVALUATOR, withJson(post("/api/v1/products"), body)).header("Idempotency-Key", key2))
                .andExpect(status().isForbidden());
        JsonNode none = json.valueToTree(jdbc.sql("select count(*) from idempotency_record where idem_key = ?")
                .param(key2).query(Long.class).single());
        assertThat(none.asLong()).isZero();
    }

    @Test
    void keysAreForgottenAfterADay() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), World.product(world.vendorA, "Old " + key.substring(0, 8), false)))
                .header("Idempotency-Key", key)).andExpect(status().isCreated());
        jdbc.sql("update idempotency_record set created_at = ? where idem_key = ?")
                .params(java.time.OffsetDateTime.now().minusHours(25), key).update();
        idempotency.purgeExpired();
        assertThat(jdbc.sql("select count(*) from idempotency_record where idem_key = ?").param(key)
                .query(Long.class).single()).isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.iotseal.server.web.Idempotency idempotency;

    @Test
    void malformedKeyIs400() throws Exception {
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), World.product(world.vendorA, "Bad key", false)))
                .header("Idempotency-Key", "x".repeat(201))).andExpect(status().isBadRequest());
    }
}
