package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a real socket shows: a chunked body (no Content-Length) that grows past the cap still gets
 * 413, and Tomcat's own errors come back as problem details too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RealPortTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void chunkedOversizedBodyIs413() throws Exception {
        World world = World.of(context);
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/v1/products").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(8192);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Authorization", "Bearer " + world.token(Who.VENDOR_ADMIN));
        try (OutputStream out = c.getOutputStream()) {
            out.write("{\"nameEn\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "y".repeat(8192).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException serverClosedEarly) {
            // The server may answer and close before the whole body is sent; the status still counts.
        }
        assertThat(c.getResponseCode()).isEqualTo(413);
        assertThat(c.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void unauthenticatedOverTheWireIsAProblem() throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/v1/users/me").toURL().openConnection();
        assertThat(c.getResponseCode()).isEqualTo(401);
        assertThat(c.getContentType()).startsWith("application/problem+json");
        try (InputStream in = c.getErrorStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"status\":401");
        }
    }

    /** The raw answer to a request written byte for byte, so no client library normalises the path first. */
    private String raw(String requestLine, String... headers) throws Exception {
        return rawWithBody(requestLine, "", headers);
    }

    private String rawWithBody(String requestLine, String body, String... headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            if (!body.isEmpty()) {
                request.append("Content-Length: ").append(body.length()).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").append(body).toString().getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void tomcatsOwnErrorsAreProblemsToo() throws Exception {
        for (String path : new String[] {"/api/v1/products%2Fx", "/api/v1/a%00b", "/../etc/passwd", "/api/v1/../../x",
                "/api/v1/products/%2e%2e/%2e%2e/x"}) {
            String answer = raw("GET " + path + " HTTP/1.1");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase()).as(path).contains("content-type: application/problem+json")
                    .doesNotContain("<html");
            assertThat(answer).as(path).contains("\"status\":400");
        }
    }

    @Test
    void wildcardContentTypesAre415OverTheWire() throws Exception {
        World world = World.of(context);
        for (String type : new String[] {"*/*", "application/*"}) {
            String body = "{\"nameEn\":\"x\"}";
            String answer = rawWithBody("POST /api/v1/products HTTP/1.1", body, "Content-Type: " + type,
                    "Authorization: Bearer " + world.token(Who.VENDOR_ADMIN));
            assertThat(answer).as(type).startsWith("HTTP/1.1 415");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        }
    }

    @Test
    void behindATlsTerminatingProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        String direct = raw("GET /login HTTP/1.1");
        assertThat(direct).startsWith("HTTP/1.1 200");
        assertThat(direct.toLowerCase()).doesNotContain("strict-transport-security");
        String proxied = raw("GET /login HTTP/1.1", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.7");
        assertThat(proxied).startsWith("HTTP/1.1 200");
        assertThat(proxied).containsPattern("(?i)strict-transport-security: max-age=\\d+");
        assertThat(proxied).containsPattern("(?i)set-cookie: XSRF-TOKEN=[^\\r\\n]*; Secure");
    }

    @Test
    void theLoginPageHasAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
        String login = raw("GET /login HTTP/1.1");
        assertThat(login).containsPattern("(?i)content-security-policy: default-src 'none';[^\\r\\n]*form-action 'self'");
        assertThat(login).containsPattern("(?i)referrer-policy: no-referrer");
        // The policy allows only the site's own script files (htmx, ADR 0074): no inline script on the page.
        assertThat(login).doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }
}
