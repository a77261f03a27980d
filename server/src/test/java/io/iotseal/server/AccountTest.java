package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.UserInput;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    private JsonNode createUser(Who who, String username, String password, Membership membership) throws Exception {
        return body(mvc.perform(as(who, withJson(post("/api/v1/users"),
                new UserInput(username, "Test " + username, username + "@example.com", password, List.of(membership)))))
                .andExpect(status().isCreated()).andReturn());
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesOnly() throws Exception {
        JsonNode user = createUser(Who.OPERATOR_ADMIN, "hash-check", PASSWORD, new Membership(world.vendorA, Role.VENDOR_MEMBER));
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(user.get("localPassword").asBoolean()).isTrue();
        String stored = jdbc.sql("select password_hash from app_user where username = 'hash-check'").query(String.class).single();
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void formLoginGivesASessionThatTheApiAccepts() throws Exception {
        createUser(Who.VENDOR_ADMIN, "session-user", PASSWORD, new Membership(world.vendorA, Role.VENDOR_MEMBER));
        mvc.perform(post("/login").param("username", "session-user").param("password", "wrong password!")
                .with(withXsrf())).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("error"));
        MvcResult login = mvc.perform(post("/login").param("username", "session-user").param("password", PASSWORD)
                .with(withXsrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).endsWith("/api/v1/users/me");
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/api/v1/users/me").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("session-user"))
                .andExpect(jsonPath("$.memberships[0].role").value("VENDOR_MEMBER"));
        // A browser session writing without the CSRF token is refused; with it, it goes through.
        mvc.perform(withJson(post("/api/v1/tokens"), "{\"name\":\"from browser\"}").session(session)
                .cookie(new Cookie("JSESSIONID", session.getId()))).andExpect(status().isForbidden());
        mvc.perform(withJson(post("/api/v1/tokens"), "{\"name\":\"from browser\"}").session(session).with(withXsrf()))
                .andExpect(status().isCreated());
    }

    private Cookie xsrf() throws Exception {
        MvcResult page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        String setCookie = page.getResponse().getHeaders("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        return new Cookie("XSRF-TOKEN", setCookie.substring("XSRF-TOKEN=".length(), setCookie.indexOf(';')));
    }

    /** The README's curl recipe: read the XSRF-TOKEN cookie, echo it in X-XSRF-TOKEN. */
    @Test
    void scriptsLogInByEchoingTheCsrfCookie() throws Exception {
        createUser(Who.VENDOR_ADMIN, "script-user", PASSWORD, new Membership(world.vendorA, Role.VENDOR_MEMBER));
        Cookie xsrf = xsrf();
        mvc.perform(post("/login").param("username", "script-user").param("password", PASSWORD).cookie(xsrf))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "script-user").param("password", PASSWORD).cookie(xsrf)
                .header("X-XSRF-TOKEN", xsrf.getValue())).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/api/v1/users/me"));
    }

    @Test
    void tokensAreShownOnceStoredHashedAndStopWorkingWhenRevoked() throws Exception {
        JsonNode created = body(mvc.perform(as(Who.VENDOR_MEMBER, withJson(post("/api/v1/tokens"),
                "{\"name\":\"ci\",\"expiresInDays\":7}"))).andExpect(status().isCreated()).andReturn());
        String secret = created.get("token").asText();
        assertThat(secret).startsWith("iots_");
        long plain = jdbc.sql("select count(*) from api_token where token_hash = ?").param(secret).query(Long.class).single();
        assertThat(plain).isZero();
        String listed = mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/tokens"))).andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("\"ci\"").doesNotContain(secret);

        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(jsonPath("$.username").value("world-vendor-member"));
        mvc.perform(as(Who.VENDOR_MEMBER, delete("/api/v1/tokens/" + created.get("id").asText())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        mvc.perform(as(Who.VENDOR_MEMBER, withJson(post("/api/v1/tokens"), "{\"name\":\"long\",\"expiresInDays\":9999}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        createUser(Who.VENDOR_ADMIN, "pw-changer", PASSWORD, new Membership(world.vendorA, Role.VENDOR_MEMBER));
        String token = body(mvc.perform(withJson(post("/api/v1/tokens"), "{\"name\":\"pw\"}")
                .session(login("pw-changer", PASSWORD)).with(withXsrf()))
                .andExpect(status().isCreated()).andReturn()).get("token").asText();
        String newPassword = "a brand new passphrase";
        mvc.perform(withJson(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/me/password"),
                        "{\"currentPassword\":\"wrong wrong wrong\",\"newPassword\":\"" + newPassword + "\"}")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(withJson(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/me/password"),
                        "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(post("/login").param("username", "pw-changer").param("password", PASSWORD).with(withXsrf()))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("error"));
        assertThat(login("pw-changer", newPassword)).isNotNull();
    }

    @Test
    void vendorAdminsManageOnlyTheirOwnVendor() throws Exception {
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("sneaky", "Sneaky", null, null,
                List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)))))).andExpect(status().isForbidden());
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("sneaky2", "Sneaky", null, null,
                List.of(new Membership(world.vendorB, Role.VENDOR_ADMIN)))))).andExpect(status().isForbidden());
        JsonNode users = body(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/users").param("size", "100"))).andReturn());
        assertThat(users.get("items")).isNotEmpty().allSatisfy(u -> assertThat(u.get("memberships").toString()).contains(world.vendorA.toString()));
    }

    @Test
    void rolesMustFitTheOrganizationKindAndUsernamesAreUnique() throws Exception {
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("lab-admin", "X", null, null,
                List.of(new Membership(world.lab, Role.VENDOR_ADMIN)))))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberships[0].role"));
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("world-vendor-admin", "X", null, null,
                List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))))).andExpect(status().isConflict());
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("short-pw", "X", null, "short",
                List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("short\""));
    }
}
