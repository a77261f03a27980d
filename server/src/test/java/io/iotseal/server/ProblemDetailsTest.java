package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every kind of error answers with an RFC 9457 problem detail, whichever layer produced it. */
class ProblemDetailsTest extends ApiTest {

    private static void isProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.detail").isString());
    }

    @Test
    void unauthenticatedIs401() throws Exception {
        isProblem(mvc.perform(get("/api/v1/organizations")), 401);
        isProblem(mvc.perform(get("/api/v1/organizations").header(HttpHeaders.AUTHORIZATION, "Bearer iots_nonsense")), 401);
        isProblem(mvc.perform(get("/api/v1/products").header(HttpHeaders.AUTHORIZATION,
                "Bearer iots_" + "A".repeat(43))), 401);
    }

    @Test
    void forbiddenIs403() throws Exception {
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/audit"))), 403);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/nothing-here"))), 404);
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, patch("/api/v1/products"))), 405);
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/products/not-a-uuid"))), 400);
    }

    @Test
    void wrongMediaTypeIs415() throws Exception {
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/products").contentType(MediaType.TEXT_PLAIN).content("hi"))), 415);
    }

    @Test
    void brokenJsonIs400() throws Exception {
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), "{\"nameEn\": "))), 400);
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), "{} {}"))), 400);
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/products").contentType(MediaType.APPLICATION_JSON))), 400);
    }

    @Test
    void oversizedBodyIs413BeforeAuthentication() throws Exception {
        String big = "{\"nameEn\":\"" + "x".repeat(1024 * 1024) + "\"}";
        isProblem(mvc.perform(withJson(post("/api/v1/products"), big)), 413);
        isProblem(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products"), big))), 413);
    }
}
