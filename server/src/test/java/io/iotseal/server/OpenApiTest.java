package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** The review found an internal 'actor' query parameter "required" on all 46 operations, and springdoc's placeholder title. */
    @Test
    void theDocumentHasNoInternalParametersAndSaysWhatItIs() throws Exception {
        JsonNode doc = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());
        assertThat(doc.at("/info/title").asText()).isEqualTo("IoTSeal registry API");
        assertThat(doc.at("/info/version").asText()).isNotIn("", "v0").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(doc.at("/info/description").asText()).isNotBlank();
        List<String> withActor = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operation.getValue().path("parameters").forEach(p -> {
                    if (p.get("name").asText().equals("actor")) {
                        withActor.add(name);
                    }
                });
                if (operation.getValue().path("summary").asText().isBlank()) {
                    withoutSummary.add(name);
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(46);
        assertThat(withActor).isEmpty();
        assertThat(withoutSummary).isEmpty();
    }
}
