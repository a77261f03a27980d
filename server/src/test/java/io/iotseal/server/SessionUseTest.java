package io.iotseal.server;

import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.UserInput;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Server-side sessions are made only by signing in, and CSRF is skipped only for valid bearer tokens (ADR 0064). */
class SessionUseTest extends ApiTest {

    private static final String PASSWORD = "session test passphrase";

    /**
     * Each anonymous request to a protected route used to leave a 30-minute session (~1.7 KB) behind
     * (the saved request for after the login); 40,000 of them took 68 MB of heap.
     */
    @Test
    void anonymousRequestsCreateNoSessions() throws Exception {
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/v1/users/me"), get("/api/v1/organizations"), get("/api/v1/audit"),
                withJson(post("/api/v1/tokens"), "{\"name\":\"x\"}"), delete("/api/v1/tokens/" + java.util.UUID.randomUUID()),
                get("/api/v1/assessments"), get("/some/html/page"), get("/"), get("/login"),
                get("/api/v1/products"), get("/.well-known/jwks.json"),
                get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer iots_not-a-real-token"),
                get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Basic Zm9vOmJhcg=="));
        int sessions = 0;
        for (int round = 0; round < 10; round++) {
            for (MockHttpServletRequestBuilder request : requests) {
                MvcResult result = mvc.perform(request).andReturn();
                if (result.getRequest().getSession(false) != null) {
                    sessions++;
                }
            }
        }
        // A failed login keeps no error message in a session either.
        for (int i = 0; i < 3; i++) {
            MvcResult failed = tryLogin("nobody-" + i, "not a password at all", "192.0.2.200");
            if (failed.getRequest().getSession(false) != null) {
                sessions++;
            }
        }
        // Programs with a token get no session either.
        if (mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/users/me"))).andReturn().getRequest().getSession(false) != null) {
            sessions++;
        }
        assertThat(sessions).as("sessions created without signing in").isZero();
        // Signing in is what makes one.
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("session-maker", "S", null,
                PASSWORD, List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))))).andExpect(status().isCreated());
        assertThat(login("session-maker", PASSWORD)).isNotNull();
    }

    /** Any Authorization header used to skip CSRF, even one that authenticated nothing. */
    @Test
    void csrfIsSkippedOnlyForValidBearerTokens() throws Exception {
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("csrf-victim", "C", null,
                PASSWORD, List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))))).andExpect(status().isCreated());
        MockHttpSession session = login("csrf-victim", PASSWORD);
        Cookie cookie = new Cookie("JSESSIONID", session.getId());
        for (String header : List.of("Basic Zm9vOmJhcg==", "Negotiate abc", "Bearer", "anything")) {
            mvc.perform(withJson(post("/api/v1/tokens"), "{\"name\":\"forged\"}").session(session).cookie(cookie)
                    .header(HttpHeaders.AUTHORIZATION, header)).andExpect(status().isForbidden());
        }
        // A bearer header with a bad token is refused outright; a valid one needs no CSRF token.
        mvc.perform(withJson(post("/api/v1/tokens"), "{\"name\":\"forged\"}").session(session).cookie(cookie)
                .header(HttpHeaders.AUTHORIZATION, "Bearer iots_" + "A".repeat(43))).andExpect(status().isUnauthorized());
        mvc.perform(as(Who.VENDOR_MEMBER, withJson(post("/api/v1/tokens"), "{\"name\":\"program\"}")))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from api_token where name = 'forged'").query(Long.class).single()).isZero();
    }
}
