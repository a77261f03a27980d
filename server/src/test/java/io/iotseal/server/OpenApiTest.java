package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpenApiTest extends ApiTest {

    @Test
    void theDocumentDescribesTheApi() throws Exception {
        JsonNode doc = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/v1/products")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/products/{id}").has("put")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/audit/verification")).isTrue();
        assertThat(doc.get("components").get("schemas").has("ProductInput")).isTrue();
    }
}
