package io.iotseal.server;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SBOM cap (ADR 0091) on a real socket: a declared length over it is refused before the body is read
 * (the answer comes while the client has sent almost nothing), and a chunked body is cut at the cap.
 * Same configuration as {@link RealPortTest}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SbomUploadOverTheWireTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private String sbomPath(World world) {
        UUID version = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select id from product_version where product_id = ? and version = ?")
                .params(world.productA, world.productAVersion).query(UUID.class).single();
        return "/api/v1/products/" + world.productA + "/versions/" + version + "/sboms";
    }

    @Test
    void aDeclaredLengthOverTheCapIs413BeforeTheBodyIsSent() throws Exception {
        World world = World.of(context);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST " + sbomPath(world) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + world.token(Who.VENDOR_ADMIN) + "\r\n"
                    + "Content-Type: application/vnd.cyclonedx+json\r\n"
                    + "Content-Length: " + (20L * 1024 * 1024) + "\r\n\r\n{\"bomFormat\"";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // Only the headers and 12 bytes were sent: an answer now means nothing waited for the body.
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 413 ");
            StringBuilder rest = new StringBuilder();
            for (String line = in.readLine(); line != null && rest.length() < 4000; line = in.readLine()) {
                rest.append(line).append('\n');
                if (line.contains("\"status\"")) {
                    break;
                }
            }
            assertThat(rest.toString()).contains("application/problem+json", "at most 10485760 bytes");
        }
    }

    @Test
    void aChunkedBodyOverTheCapIs413() throws Exception {
        World world = World.of(context);
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + sbomPath(world)).toURL()
                .openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(65536);
        c.setRequestProperty("Content-Type", "application/vnd.cyclonedx+json");
        c.setRequestProperty("Authorization", "Bearer " + world.token(Who.VENDOR_ADMIN));
        try (OutputStream out = c.getOutputStream()) {
            out.write("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": {\"x\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "y".repeat(65536).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 11 * 16; i++) {
                out.write(chunk);
            }
            out.write("\"}}".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException serverClosedEarly) {
            // The server may answer and close before the whole body is sent; the status still counts.
        }
        assertThat(c.getResponseCode()).isEqualTo(413);
        assertThat(c.getContentType()).startsWith("application/problem+json");
        try (InputStream err = c.getErrorStream()) {
            assertThat(new String(err.readAllBytes(), StandardCharsets.UTF_8)).contains("at most 10485760 bytes");
        }
    }
}
