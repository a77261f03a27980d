package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * OIDC login is pure configuration: with a Keycloak-style client registration (endpoints given
 * explicitly, so nothing is fetched at start) the server offers the authorization redirect; the API's
 * token and session logins keep working. Without one (every other test) the server starts as well.
 */
@SpringBootTest(properties = {
        "spring.security.oauth2.client.registration.keycloak.client-id=iotseal",
        "spring.security.oauth2.client.registration.keycloak.client-secret=test-secret",
        "spring.security.oauth2.client.registration.keycloak.scope=openid,profile",
        "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.keycloak.authorization-uri=http://127.0.0.1:1/realms/iotseal/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:1/realms/iotseal/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=http://127.0.0.1:1/realms/iotseal/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.keycloak.user-name-attribute=preferred_username"})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
class OidcConfigurationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void configuredProviderGetsTheAuthorizationRedirect() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("http://127.0.0.1:1/realms/iotseal/protocol/openid-connect/auth")
                .contains("client_id=iotseal").contains("scope=openid%20profile");
        mvc.perform(get("/api/v1/users/me")).andExpect(status().isUnauthorized());
    }
}
