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
}
