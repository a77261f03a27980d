package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Inputs a fuzzer sent that were answered 500 (or 409): each is the caller's mistake, so each is a 4xx
 * problem that names the field (ADR 0068).
 */
class BadInputTest extends ApiTest {

    private static final String PRODUCT = """
            {"nameEn": "Fuzzed router", "modelNumbers": ["FZ-1"], "category": "ROUTER", "ipCapable": true,
             "supportEndDate": "2030-12-31"%s}""";

    private JsonNode problem(MockHttpServletRequestBuilder request, int status) throws Exception {
        var result = mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).andReturn();
        return body(result);
    }

    /** The fields the problem names, in order. */
    private static String fields(JsonNode problem) {
        StringBuilder names = new StringBuilder();
        problem.path("errors").forEach(e -> names.append(names.isEmpty() ? "" : ",").append(e.get("field").asText()));
        return names.toString();
    }

    private MockHttpServletRequestBuilder newProduct(String extra) {
        return as(Who.VENDOR_ADMIN, post("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .content(PRODUCT.formatted(extra)));
    }

    @Test
    void wildcardContentTypesAre415() throws Exception {
        for (String type : new String[] {"*/*", "application/*"}) {
            JsonNode p = problem(as(Who.VENDOR_ADMIN, post("/api/v1/products").header(HttpHeaders.CONTENT_TYPE, type)
                    .content(PRODUCT.formatted(""))), 415);
            assertThat(fields(p)).isEqualTo("Content-Type");
        }
    }

    @Test
    void duplicateKeysAre400NamingTheKey() throws Exception {
        JsonNode p = problem(newProduct(", \"nameEn\": \"Other name\""), 400);
        assertThat(p.get("detail").asText()).contains("nameEn");
        problem(as(Who.VENDOR_ADMIN, post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"a\", \"expiresInDays\": 1, \"name\": \"b\"}")), 400);
    }

    @Test
    void nullInsideFeaturesOrConditionsIs400() throws Exception {
        for (String map : new String[] {"features", "conditions"}) {
            JsonNode p = problem(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/assessments"), """
                    {"productId": "%s", "productVersion": "1.0.0", "target": "etsi-en-303-645", "%s": {"F1": null}}"""
                    .formatted(world.productA, map))), 400);
            assertThat(fields(p)).startsWith(map);
        }
    }

    @Test
    void aLoneSurrogateInAPasswordIs400() throws Exception {
        JsonNode p = problem(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), """
                {"username": "surrogate-user", "displayName": "S", "password": "correct horse \\ud800 battery",
                 "memberships": [{"organizationId": "%s", "role": "VENDOR_MEMBER"}]}""".formatted(world.vendorA))), 400);
        assertThat(fields(p)).isEqualTo("password");
    }

    @Test
    void aNulCharacterIs400NamingTheField() throws Exception {
        JsonNode search = problem(get("/api/v1/products").param("q", "router\u0000"), 400);
        assertThat(fields(search)).isEqualTo("q");
        JsonNode write = problem(newProduct(", \"description\": \"a\\u0000b\""), 400);
        assertThat(fields(write)).isEqualTo("description");
    }

    @Test
    void scalarsAreNotCoerced() throws Exception {
        assertThat(fields(problem(newProduct(", \"ipCapable\": \"true\"").content(PRODUCT.replace(
                "\"ipCapable\": true", "\"ipCapable\": \"true\"").formatted("")), 400))).isEqualTo("ipCapable");
        assertThat(fields(problem(newProduct("").content(PRODUCT.replace("\"2030-12-31\"", "20301231")
                .formatted("")), 400))).isEqualTo("supportEndDate");
        assertThat(fields(problem(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/tokens"),
                "{\"name\": \"a\", \"expiresInDays\": \"7\"}")), 400))).isEqualTo("expiresInDays");
        assertThat(fields(problem(newProduct("").content(PRODUCT.replace("\"Fuzzed router\"", "12")
                .formatted("")), 400))).isEqualTo("nameEn");
        assertThat(fields(problem(newProduct("").content(PRODUCT.replace("\"ROUTER\"", "0")
                .formatted("")), 400))).isEqualTo("category");
    }

    @Test
    void implausibleDatesAreRefusedOnWrite() throws Exception {
        JsonNode p = problem(newProduct("").content(PRODUCT.replace("2030-12-31", "+999999999-12-31").formatted("")), 400);
        assertThat(fields(p)).isEqualTo("supportEndDate");
    }

    @Test
    void theLabelsTextLimitsAreCheckedWhenTheProductIsWritten() throws Exception {
        String longName = "Router ".repeat(9) + "X"; // 64 bytes: over the label's 60
        assertThat(fields(problem(newProduct("").content(PRODUCT.replace("Fuzzed router", longName)
                .formatted("")), 400))).isEqualTo("nameEn");
        assertThat(fields(problem(newProduct("").content(PRODUCT.replace("\"FZ-1\"", "\"" + "M".repeat(33) + "\"")
                .formatted("")), 400))).isEqualTo("modelNumbers[0]");
        JsonNode org = problem(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/organizations"),
                "{\"kind\": \"VENDOR\", \"name\": \"" + "Very Long Vendor Name Kabushiki Kaisha Japan" + "\"}")), 400);
        assertThat(fields(org)).isEqualTo("name");
    }
}
