package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.UserInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins managing users (ADR 0065): disable, roles, password reset, ending sessions and tokens; password rules. */
class UserLifecycleTest extends ApiTest {

    private static final String PASSWORD = "lifecycle test passphrase";

    @Autowired
    private TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Person(UUID id, String username) {
    }

    private Person person(Who creator, UUID organization, Role role) throws Exception {
        String name = "life-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = body(mvc.perform(as(creator, withJson(post("/api/v1/users"), new UserInput(name, "Life", null,
                PASSWORD, List.of(new Membership(organization, role)))))).andExpect(status().isCreated()).andReturn());
        return new Person(UUID.fromString(created.get("id").asText()), name);
    }

    private String tokenOf(MockHttpSession session) throws Exception {
        return body(mvc.perform(withJson(post("/api/v1/tokens"), "{\"name\":\"life\"}").session(session).with(withXsrf()))
                .andExpect(status().isCreated()).andReturn()).get("token").asText();
    }

    @Test
    void aDisabledUserIsSignedOutEverywhereAndComesBackWhenReEnabled() throws Exception {
        Person p = person(Who.VENDOR_ADMIN, world.vendorA, Role.VENDOR_MEMBER);
        MockHttpSession session = login(p.username(), PASSWORD);
        String token = tokenOf(session);
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users/" + p.id() + "/status"), Map.of("enabled", false))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/users/me").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isUnauthorized());
        assertThat(signedIn(tryLogin(p.username(), PASSWORD, "127.0.0.1"))).isFalse();

        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users/" + p.id() + "/status"), Map.of("enabled", true))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        // The session ended with the disabling stays ended.
        mvc.perform(get("/api/v1/users/me").session(session)).andExpect(status().isUnauthorized());
        assertThat(login(p.username(), PASSWORD)).isNotNull();
        assertThat(audit(p.id())).contains("user.disable", "user.enable");
    }

    @Test
    void adminsManageOnlyWhomTheyAdministerAndNeverThemselves() throws Exception {
        Person other = person(Who.OPERATOR_ADMIN, world.vendorB, Role.VENDOR_MEMBER);
        // Vendor A's admin cannot see vendor B's people: not found, as for any record they may not see.
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users/" + other.id() + "/status"), Map.of("enabled", false))))
                .andExpect(status().isNotFound());
        mvc.perform(as(Who.VENDOR_MEMBER, post("/api/v1/users/" + world.user(Who.VENDOR_ADMIN) + "/password-reset")))
                .andExpect(status().isNotFound());
        mvc.perform(as(Who.OPERATOR_REVIEWER, delete("/api/v1/users/" + other.id() + "/tokens")))
                .andExpect(status().isForbidden());
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users/" + world.user(Who.VENDOR_ADMIN) + "/status"),
                Map.of("enabled", false)))).andExpect(status().isConflict());
        mvc.perform(as(Who.VENDOR_ADMIN, delete("/api/v1/users/" + world.user(Who.VENDOR_ADMIN) + "/memberships/"
                + world.vendorA + "/VENDOR_ADMIN"))).andExpect(status().isConflict());
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users/" + other.id() + "/status"), Map.of())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enabled"));
        mvc.perform(as(Who.OPERATOR_ADMIN, delete("/api/v1/users/" + other.id() + "/memberships/" + world.vendorB + "/NO_SUCH_ROLE")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRemovedRoleStopsWorkingAtOnce() throws Exception {
        Person p = person(Who.VENDOR_ADMIN, world.vendorA, Role.VENDOR_ADMIN);
        MockHttpSession session = login(p.username(), PASSWORD);
        mvc.perform(get("/api/v1/users").session(session)).andExpect(status().isOk());
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users/" + p.id() + "/memberships"),
                new Membership(world.vendorA, Role.VENDOR_MEMBER)))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.memberships.length()").value(2));
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/users/" + p.id() + "/memberships"),
                new Membership(world.vendorB, Role.VENDOR_MEMBER)))).andExpect(status().isForbidden());
        mvc.perform(as(Who.VENDOR_ADMIN, delete("/api/v1/users/" + p.id() + "/memberships/" + world.vendorA + "/VENDOR_ADMIN")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users").session(session)).andExpect(status().isForbidden());
        mvc.perform(as(Who.VENDOR_ADMIN, delete("/api/v1/users/" + p.id() + "/memberships/" + world.vendorA + "/VENDOR_ADMIN")))
                .andExpect(status().isNotFound());
        assertThat(audit(p.id())).contains("user.role.add", "user.role.remove");
    }

    @Test
    void aResetGivesAOneTimePasswordThatMustBeChangedAndExpires() throws Exception {
        Person p = person(Who.VENDOR_ADMIN, world.vendorA, Role.VENDOR_MEMBER);
        MockHttpSession before = login(p.username(), PASSWORD);
        JsonNode reset = body(mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/users/" + p.id() + "/password-reset")))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store")).andReturn());
        String oneTime = reset.get("oneTimePassword").asText();
        assertThat(oneTime).hasSize(23);
        mvc.perform(get("/api/v1/users/me").session(before)).andExpect(status().isUnauthorized());
        assertThat(signedIn(tryLogin(p.username(), PASSWORD, "127.0.0.1"))).isFalse();

        MockHttpSession session = login(p.username(), oneTime);
        mvc.perform(get("/api/v1/users/me").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/api/v1/tokens").session(session)).andExpect(status().isForbidden());
        mvc.perform(withJson(put("/api/v1/users/me/password"), Map.of("currentPassword", oneTime,
                "newPassword", "my very own passphrase")).session(session).with(withXsrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tokens").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/me").session(session)).andExpect(jsonPath("$.passwordChangeRequired").value(false));
        assertThat(signedIn(tryLogin(p.username(), oneTime, "127.0.0.1"))).isFalse();

        // An unused one-time password stops working after a day.
        String second = body(mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/users/" + p.id() + "/password-reset")))
                .andReturn()).get("oneTimePassword").asText();
        clock.advance(Duration.ofHours(25));
        assertThat(signedIn(tryLogin(p.username(), second, "192.0.2.50"))).isFalse();
        assertThat(audit(p.id())).contains("user.password.reset");
        assertThat(jdbc.sql("select count(*) from audit_entry where after_json like ? or before_json like ?")
                .params("%" + second + "%", "%" + second + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsOnly() throws Exception {
        Person p = person(Who.VENDOR_ADMIN, world.vendorA, Role.VENDOR_MEMBER);
        MockHttpSession laptop = login(p.username(), PASSWORD);
        MockHttpSession phone = login(p.username(), PASSWORD);
        mvc.perform(withJson(put("/api/v1/users/me/password"), Map.of("currentPassword", PASSWORD,
                "newPassword", "a fresh new passphrase")).session(laptop).with(withXsrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/me").session(phone)).andExpect(status().isUnauthorized());
    }

    @Test
    void adminsEndAnotherUsersSessionsAndRevokeTheirTokens() throws Exception {
        Person p = person(Who.VENDOR_ADMIN, world.vendorA, Role.VENDOR_MEMBER);
        MockHttpSession session = login(p.username(), PASSWORD);
        String token = tokenOf(session);
        mvc.perform(as(Who.OPERATOR_ADMIN, delete("/api/v1/users/" + p.id() + "/sessions"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(as(Who.VENDOR_ADMIN, delete("/api/v1/users/" + p.id() + "/tokens"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isUnauthorized());
        assertThat(audit(p.id())).contains("user.sessions.end", "user.tokens.revoke");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() throws Exception {
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("Case-Sensitive", "C", null,
                PASSWORD, List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))))).andExpect(status().isCreated());
        for (String twin : List.of("case-sensitive", "CASE-SENSITIVE", "Case-Sensitive")) {
            mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput(twin, "C", null, null,
                    List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))))).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.errors[0].field").value("username"))
                    .andExpect(jsonPath("$.errors[0].message").value("is not available; choose another"));
        }
        assertThat(login("case-SENSITIVE", PASSWORD)).isNotNull();
    }

    @Test
    void commonBlankOrControlCharacterPasswordsAreRefused() throws Exception {
        for (String bad : List.of("123456789qwerty", "QWERTY123456", "1qaz2wsx3edc", "              ",
                "a long enough\u0000password", "tab\tseparated words", "my iotseal password")) {
            mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post("/api/v1/users"), new UserInput("pw-" + UUID.randomUUID()
                    .toString().substring(0, 8), "P", null, bad, List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER))))))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        }
        Person p = person(Who.VENDOR_ADMIN, world.vendorA, Role.VENDOR_MEMBER);
        MockHttpSession session = login(p.username(), PASSWORD);
        mvc.perform(withJson(put("/api/v1/users/me/password"), Map.of("currentPassword", PASSWORD,
                "newPassword", "my name is " + p.username())).session(session).with(withXsrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"));
    }

    private List<String> audit(UUID user) {
        return jdbc.sql("select action from audit_entry where entity_id = ? order by seq")
                .param(user.toString()).query(String.class).list();
    }
}
