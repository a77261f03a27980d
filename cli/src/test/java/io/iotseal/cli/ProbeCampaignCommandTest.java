package io.iotseal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.probe.sim.NatsServerProcess;
import io.iotseal.probe.sim.SimulatedFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code probe campaign} and {@code probe worker} as an operator runs them: a coordinator started from a scope
 * file, a worker process started from the command line, the observations written to a file; and the input
 * errors, each exit code 2 naming what is wrong.
 */
class ProbeCampaignCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path scope(String id, String block, int port, int blockSize) throws Exception {
        Instant now = Instant.now();
        return Files.writeString(dir.resolve(id + ".yaml"), """
                format: iotseal-survey-scope/1
                id: %s
                title: Command line test survey
                blocks: [%s]
                ports: [%d]
                checks: [open-services, default-credentials]
                credentials:
                  - {username: admin, password: admin}
                rate: 400
                window: {from: %s, until: %s}
                legalBasis: Test of the command line on simulated devices of this machine
                signedOffBy: The test itself
                signedOffAt: %s
                blockSize: %d
                """.formatted(id, block, port, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS),
                now.minus(1, ChronoUnit.HOURS), blockSize));
    }

    @Test
    void badInputExitsWithTwoAndNamesTheOption() throws Exception {
        Path scope = scope("cli-bad", "127.31.0.0/28", 8080, 16);
        assertThat(run("probe", "campaign", "start", "--nats", "http://127.0.0.1:4222", "--scope", scope.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--nats", "nats://");
        assertThat(run("probe", "campaign", "start", "--nats", "nats://127.0.0.1:1", "--scope",
                dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--scope", "missing.yaml");
        Path unknownCheck = Files.writeString(dir.resolve("brute.yaml"),
                Files.readString(scope).replace("default-credentials", "brute-force-resistance"));
        assertThat(run("probe", "campaign", "start", "--nats", "nats://127.0.0.1:1", "--scope", unknownCheck.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("checks").contains("brute-force-resistance");
        assertThat(run("probe", "worker", "--nats", "nats://127.0.0.1:4222", "--parallel", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--parallel");
        assertThat(run("probe", "campaign", "start", "--nats", "nats://127.0.0.1:1", "--scope", scope.toString(),
                "--registry", "http://registry.example.org")).isEqualTo(2);
        assertThat(run("probe", "campaign", "pause", "--nats", "nats://127.0.0.1:1", "Not An Id")).isEqualTo(2);
    }

    @Test
    void aCampaignRunsFromTheCommandLineWithAWorkerProcessAndHonoursTheOptOutList() throws Exception {
        List<InetAddress> addresses = SimulatedFleet.addresses("127.31.1.0", 64);
        try (NatsServerProcess nats = new NatsServerProcess();
             SimulatedFleet fleet = new SimulatedFleet(addresses, 18_081, 4)) {
            Path scope = scope("cli-survey", "127.31.1.0/26", fleet.port(), 16);
            InetAddress optedOut = addresses.get(5);
            Path optOut = Files.writeString(dir.resolve("opt-out.txt"), "# owner asked on 2026-11-30\n"
                    + optedOut.getHostAddress() + "\n");
            Path results = dir.resolve("observations.ndjson");
            Process worker = startWorker(nats.url());
            try {
                // A campaign that never ends must fail the test, not hang the build: cancelled after 3 minutes.
                int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(3),
                        () -> run("probe", "campaign", "start", "--nats", nats.url(), "--scope", scope.toString(),
                                "--opt-out", optOut.toString(), "--out", results.toString()),
                        () -> "campaign did not end; worker log in target/nats/cli-worker.log; " + err);
                assertThat(code).as(err.toString()).isZero();
            } finally {
                worker.destroy();
                if (!worker.waitFor(10, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
            assertThat(out.toString()).contains("cli-survey DONE", "observations 64 of 64 addresses");

            Map<String, JsonNode> byAddress = new HashMap<>();
            for (String line : Files.readAllLines(results)) {
                JsonNode o = JSON.readTree(line);
                assertThat(byAddress.put(o.get("address").asText(), o)).as("twice: " + line).isNull();
            }
            assertThat(byAddress).hasSize(64);
            assertThat(byAddress.get(optedOut.getHostAddress()).get("optedOut").asBoolean()).isTrue();
            assertThat(fleet.connections(optedOut)).isZero();
            List<String> failing = new ArrayList<>();
            byAddress.forEach((address, o) -> o.get("findings").forEach(f -> {
                if ("default-credentials".equals(f.get("check").asText()) && "FAIL".equals(f.get("verdict").asText())) {
                    failing.add(address);
                }
            }));
            // Every fourth device accepts admin/admin, except the opted-out one (index 5 does not anyway).
            assertThat(failing).hasSize(16).allSatisfy(a -> assertThat(fleet.acceptsDefault(addresses.indexOf(
                    InetAddress.getByName(a)))).isTrue());

            out.getBuffer().setLength(0);
            assertThat(run("probe", "campaign", "status", "--nats", nats.url(), "cli-survey")).isZero();
            assertThat(out.toString()).contains("DONE");
            assertThat(run("probe", "campaign", "pause", "--nats", nats.url(), "cli-survey")).isEqualTo(2);
            assertThat(err.toString()).contains("cli-survey is DONE");
            assertThat(run("probe", "campaign", "status", "--nats", nats.url(), "no-such-campaign")).isEqualTo(2);
            assertThat(err.toString()).contains("no campaign 'no-such-campaign'");
        }
    }

    /** {@code iotseal probe worker} in a JVM of its own, as an operator starts one on each machine. */
    private static Process startWorker(String natsUrl) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = Files.createDirectories(Path.of("target", "nats")).resolve("cli-worker.log");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                IotSealCli.class.getName(), "probe", "worker", "--nats", natsUrl, "--name", "cli-worker")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
