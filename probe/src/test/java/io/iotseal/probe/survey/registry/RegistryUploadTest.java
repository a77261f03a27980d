package io.iotseal.probe.survey.registry;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload against a registry stand-in on loopback that records what it was sent. */
class RegistryUploadTest {
    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failStatus = 503;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/surveys/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String lines = String.valueOf(new String(body, StandardCharsets.UTF_8).lines().count());
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + lines);
            byte[] answer;
            int status;
            if (failuresLeft.getAndDecrement() > 0) {
                status = failStatus;
                answer = "{\"detail\":\"line 3: address: 198.51.100.7 lies outside the campaign's scope\"}"
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                answer = ("{\"received\":" + lines + ",\"stored\":" + lines + ",\"duplicates\":0,\"matched\":1,"
                        + "\"labelFindings\":2}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RegistryUpload upload() {
        return new RegistryUpload("http://127.0.0.1:" + server.getAddress().getPort() + "/", "iots_token");
    }

    private static List<byte[]> observations(int n) {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(("{\"address\":\"127.0.0." + i + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void registersThenUploadsInBatchesWithinTheLineCap() {
        RegistryUpload upload = upload();
        upload.register("notice-2026-12", "{\"id\":\"notice-2026-12\"}".getBytes(StandardCharsets.UTF_8));
        RegistryUpload.Counts counts = upload.upload("notice-2026-12", observations(12_001));

        assertThat(requests).containsExactly(
                "PUT /api/v1/surveys/notice-2026-12 Bearer iots_token application/json 1",
                "POST /api/v1/surveys/notice-2026-12/observations Bearer iots_token application/x-ndjson 5000",
                "POST /api/v1/surveys/notice-2026-12/observations Bearer iots_token application/x-ndjson 5000",
                "POST /api/v1/surveys/notice-2026-12/observations Bearer iots_token application/x-ndjson 2001");
        assertThat(counts).isEqualTo(new RegistryUpload.Counts(12_001, 12_001, 0, 3, 6));
    }

    @Test
    void aBatchIsCutBeforeTheByteCap() {
        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        assertThat(RegistryUpload.batches(List.of(big, big, big))).extracting(List::size).containsExactly(2, 1);
    }

    @Test
    void retriesWhenTheRegistryIsUnavailableAndFailsAtOnceOnARefusal() {
        failuresLeft.set(2);
        assertThat(upload().upload("notice-2026-12", observations(3)).stored()).isEqualTo(3);
        assertThat(requests).hasSize(3);

        requests.clear();
        failStatus = 422;
        failuresLeft.set(1);
        assertThatThrownBy(() -> upload().upload("notice-2026-12", observations(3)))
                .isInstanceOf(RegistryUpload.UploadException.class)
                .hasMessageContaining("HTTP 422").hasMessageContaining("outside the campaign's scope");
        assertThat(requests).hasSize(1);
    }

    @Test
    void refusesCleartextToAnotherMachineABadCampaignIdAndAMultiLineObservation() {
        assertThatThrownBy(() -> new RegistryUpload("http://registry.example.org", "iots_x"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new RegistryUpload("https://registry.example.org", " "))
                .hasMessageContaining("token");
        assertThatThrownBy(() -> upload().upload("../admin", observations(1))).hasMessageContaining("campaign");
        assertThatThrownBy(() -> upload().upload("notice-2026-12", List.of("{\n}".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("one line");
        assertThat(requests).isEmpty();
    }
}
