package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The status lists served ahead of the filter chain (ADR 0052) answer like every other public route. */
class StatusListEndpointTest extends ApiTest {

    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-XSS-Protection",
            "X-Frame-Options", "Strict-Transport-Security", "Content-Security-Policy", "Referrer-Policy", "Set-Cookie");

    @Test
    void sameSecurityHeadersAsTheOtherPublicRoutes() throws Exception {
        for (boolean secure : List.of(false, true)) {
            MockHttpServletResponse jwks = mvc.perform(get("/.well-known/jwks.json").secure(secure)).andReturn().getResponse();
            MockHttpServletResponse list = mvc.perform(get("/status/revocation").secure(secure)).andReturn().getResponse();
            assertThat(list.getStatus()).isEqualTo(200);
            for (String header : SECURITY_HEADERS) {
                assertThat(list.getHeaders(header)).as(header + (secure ? " over https" : "")).isEqualTo(jwks.getHeaders(header));
            }
            assertThat(list.getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void headAnd304AndOtherMethodsAndPaths() throws Exception {
        MockHttpServletResponse full = mvc.perform(get("/status/suspension")).andReturn().getResponse();
        assertThat(full.getContentType()).isEqualTo("application/vc+jwt");
        assertThat(full.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=300, public");
        assertThat(full.getContentLength()).isEqualTo(full.getContentAsByteArray().length).isPositive();

        MockHttpServletResponse head = mvc.perform(head("/status/suspension")).andReturn().getResponse();
        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getHeader(HttpHeaders.ETAG)).isEqualTo(full.getHeader(HttpHeaders.ETAG));
        assertThat(head.getContentLength()).isEqualTo(full.getContentLength());
        assertThat(head.getContentAsByteArray()).isEmpty();

        MockHttpServletResponse notModified = mvc.perform(get("/status/suspension")
                .header(HttpHeaders.IF_NONE_MATCH, "\"other\", W/" + full.getHeader(HttpHeaders.ETAG))).andReturn().getResponse();
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(notModified.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=300, public");
        assertThat(notModified.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        // Anything but a GET or HEAD of exactly these paths takes the usual way: sign in first (outside /api, the form).
        MockHttpServletResponse posted = mvc.perform(post("/status/suspension")).andReturn().getResponse();
        assertThat(posted.getStatus()).isEqualTo(302);
        assertThat(posted.getHeader(HttpHeaders.LOCATION)).endsWith("/login");
        assertThat(mvc.perform(get("/status/other")).andReturn().getResponse().getStatus()).isNotEqualTo(200);
    }
}
