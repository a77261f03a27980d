package io.iotseal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI wiring: input validation with exit code 2, exit code 3 on a FAIL, JSON and OSCAL output. */
class ProbeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void invalidInputExitsWithTwoAndNamesTheField() {
        assertThat(run("probe")).isEqualTo(2);
        assertThat(err.toString()).contains("at least one target");
        assertThat(run("probe", "127.0.0.0/27")).isEqualTo(2);
        assertThat(err.toString()).contains("--authorized");
        assertThat(run("probe", "127.0.0.1", "--ports", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("ports: port 0");
        assertThat(run("probe", "127.0.0.1", "--checks", "nope", "--ports", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown check 'nope'");
        assertThat(run("probe", "127.0.0.1", "--timeout", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("timeout");
        assertThat(run("probe", "127.0.0.1", "::1", "--results", "verdicts.json")).isEqualTo(2);
        assertThat(err.toString()).contains("exactly one target host");
        // Issue 15: a public address was probed without any authorisation; nothing is contacted here.
        assertThat(run("probe", "8.8.8.8")).isEqualTo(2);
        assertThat(err.toString()).contains("8.8.8.8").contains("--authorized");
        assertThat(run("probe", "8.8.8.8", "--authorized", " ")).isEqualTo(2);
    }

    /** ADR 0088: a bad --snmpv3-user is exit 2 naming the option, and never echoes a password. */
    @Test
    void badSnmpv3AccountExitsWithTwoWithoutShowingThePassword() {
        assertThat(run("probe", "127.0.0.1", "--ports", "1", "--snmpv3-user", "cam:MD4:hunter2-secret")).isEqualTo(2);
        assertThat(err.toString()).contains("snmpv3-user 'cam': unknown authentication protocol 'MD4'")
                .doesNotContain("hunter2-secret");
        assertThat(run("probe", "127.0.0.1", "--ports", "1", "--snmpv3-user", "cam:SHA-256:short")).isEqualTo(2);
        assertThat(err.toString()).contains("at least 8 characters");
    }

    @Test
    void overrideThatMatchesNoFindingIsRefused(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path file = dir.resolve("overrides.yaml");
        Files.writeString(file, "overrides:\n  - check: ssh-algorithms\n    verdict: PASS\n    justification: \"typo\"\n");
        int code = run("probe", "127.0.0.1", "--ports", String.valueOf(closedPort), "--checks", "open-services",
                "--timeout", "500", "--quiet", "--override", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("override entry 1").contains("matches no finding");
    }

    @Test
    void loginFreeShellExitsWithFailCodeAndWritesJsonAndOscal(@TempDir Path dir) throws Exception {
        try (ServerSocket shell = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> serveShell(shell));
            Path oscal = dir.resolve("results.json");
            Path verdicts = dir.resolve("verdicts.json");
            int code = run("probe", "127.0.0.1", "--ports", String.valueOf(shell.getLocalPort()), "--checks",
                    "anonymous-access,open-services", "--timeout", "800", "--banner-wait", "300", "--json", "--quiet",
                    "--oscal", oscal.toString(), "--results", verdicts.toString());
            assertThat(code).as(err.toString()).isEqualTo(ProbeCommand.EXIT_FAIL_FOUND);
            var json = new ObjectMapper().readTree(out.toString());
            assertThat(json.at("/devices/0/findings").findValuesAsText("verdict")).contains("FAIL", "INCONCLUSIVE");
            assertThat(Files.readString(oscal)).contains("\"oscal-version\" : \"1.1.3\"").contains("anonymous-access");
            var results = new ObjectMapper().readTree(verdicts.toFile());
            assertThat(results.path("format").asText()).isEqualTo("iotseal-results/1");
            assertThat(results.path("catalog").asText()).isEqualTo("etsi-en-303-645");
            assertThat(results.path("results").findValuesAsText("requirement")).contains("5.5-4", "5.6-1");
            assertThat(results.toString()).contains("\"requirement\":\"5.5-4\",\"verdict\":\"fail\"");
        }
    }

    @Test
    void quietDeviceExitsWithZeroAndPrintsTheReport() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        int udp;
        try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            udp = d.getLocalPort();
        }
        int code = run("probe", "127.0.0.1", "--ports", String.valueOf(closedPort), "--ssdp-port", String.valueOf(udp),
                "--timeout", "500", "--quiet");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("IoTSeal device probe: 1 device(s), 0 FAIL").contains("no open port");
    }

    /** Issue 15: a device that answered nothing exited 0 with PASS verdicts; now exit 5 and no --results. */
    @Test
    void deviceThatAnswersNothingIsNotReachedExitsWithFiveAndWritesNoResults(@TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = fillAcceptQueue(server);
            try {
                Path verdicts = dir.resolve("verdicts.json");
                int code = run("probe", "127.0.0.1", "--ports", String.valueOf(server.getLocalPort()), "--timeout", "400",
                        "--quiet", "--results", verdicts.toString());
                assertThat(code).as(err.toString()).isEqualTo(ProbeCommand.EXIT_NOT_REACHED);
                assertThat(out.toString()).contains("0 PASS").contains("1 not reached").contains("NOT REACHED");
                assertThat(verdicts).doesNotExist();
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    /**
     * A listener that never accepts, its accept queue full: Linux drops further SYNs, so the port answers
     * nothing, like one behind a dropping firewall.
     */
    private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
        List<Socket> fillers = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 300);
                fillers.add(s);
            } catch (java.net.SocketTimeoutException full) {
                s.close();
                return fillers;
            }
        }
        throw new IllegalStateException("accept queue never filled");
    }

    private static void serveShell(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.getOutputStream().write("BusyBox built-in shell\r\n# ".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.setSoTimeout(1000);
                s.getInputStream().read();
            } catch (IOException e) {
                // The probe disconnected or the test closed the server.
            }
        }
    }
}
