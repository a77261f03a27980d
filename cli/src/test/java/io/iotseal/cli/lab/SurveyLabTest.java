package io.iotseal.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.cli.IotSealCli;
import io.iotseal.probe.sim.NatsServerProcess;
import io.iotseal.probe.survey.SurveyChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survey campaign over the real daemons of {@link LabDevices} (issue 18, ADR 0078's rule that verdicts are tested
 * against real device software): every device in its own namespace, a test-owned nats-server, {@code iotseal probe
 * campaign start} in this JVM and two {@code iotseal probe worker} processes, exactly as an operator runs them. The
 * scope's blocks are the devices' addresses and nothing else; one device is on the opt-out list and an nftables
 * counter in its namespace shows it got no packet. Each observation is compared with the device's written survey
 * ground truth ({@code devices/NAME.survey.yaml}); disagreements are also written to target/survey-lab/observed.txt.
 * Like every real-daemon test it fails, never skips, without root, the daemons or nats-server.
 */
@Tag("real-daemons")
class SurveyLabTest {
    private static final Path WORK = Path.of("target", "survey-lab");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** On the opt-out list: the survey must not send it a single packet. */
    static final String OPTED_OUT = "vsftpd-anonymous";
    /** Probed, with the same counter as the opted-out device: shows the counter counts what does reach a device. */
    static final String COUNTER_CONTROL = "well-configured";
    /** Every TCP port a lab daemon listens on (CoAP over TCP aside: its UDP side is the device). */
    static final List<Integer> PORTS = List.of(21, 22, 23, 80, 554, 8080, 8554, 9527);
    private static final int WORKERS = 2;

    private static final List<Netns> NAMESPACES = new ArrayList<>();
    private static final Map<String, Netns> BY_DEVICE = new LinkedHashMap<>();
    private static final Map<String, List<JsonNode>> OBSERVED = new LinkedHashMap<>();
    private static final List<String> LINES = new ArrayList<>();
    private static final Set<String> WORKER_NAMES = new TreeSet<>();
    private static final List<String> WORKERS_DEAD_AT_END = new ArrayList<>();
    private static int exitCode;
    private static String campaignOut = "";
    private static String campaignErr = "";
    private static long optedOutPackets = -1;
    private static long controlPackets = -1;

    @BeforeAll
    static void surveyTheLab() throws Exception {
        Netns.requireExecutable(NatsServerProcess.BINARY.toString());
        Netns.requireExecutable("/usr/sbin/nft");
        String runId = "iss" + String.format("%04x", new SecureRandom().nextInt(0x10000));
        int third = RealDaemonProbeTest.freeThirdOctet();
        Path work = WORK.resolve(runId).toAbsolutePath();
        int index = 0;
        for (var device : LabDevices.DEVICES.entrySet()) {
            Netns ns = Netns.create(runId + index, third, 4 * index, work.resolve(device.getKey()));
            NAMESPACES.add(ns);
            device.getValue().accept(ns);
            BY_DEVICE.put(device.getKey(), ns);
            index++;
        }
        countPackets(BY_DEVICE.get(OPTED_OUT));
        countPackets(BY_DEVICE.get(COUNTER_CONTROL));

        List<String> blocks = BY_DEVICE.values().stream().map(ns -> ns.deviceAddress().getHostAddress() + "/32").toList();
        Path scope = Files.writeString(work.resolve("scope.yaml"), scope(blocks));
        Path optOut = Files.writeString(work.resolve("opt-out.txt"), "# the owner asked not to be surveyed\n"
                + BY_DEVICE.get(OPTED_OUT).deviceAddress().getHostAddress() + "\n");
        Path results = work.resolve("observations.ndjson");
        try (NatsServerProcess nats = new NatsServerProcess()) {
            List<Process> workers = new ArrayList<>();
            try {
                for (int i = 1; i <= WORKERS; i++) {
                    workers.add(startWorker(nats.url(), "lab-worker-" + i, work));
                }
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine cli = IotSealCli.newCommandLine();
                cli.setOut(new PrintWriter(out));
                cli.setErr(new PrintWriter(err));
                exitCode = cli.execute("probe", "campaign", "start", "--nats", nats.url(), "--scope", scope.toString(),
                        "--opt-out", optOut.toString(), "--out", results.toString());
                campaignOut = out.toString();
                campaignErr = err.toString();
            } finally {
                for (int i = 0; i < workers.size(); i++) {
                    Process w = workers.get(i);
                    if (!w.isAlive()) {
                        WORKERS_DEAD_AT_END.add("lab-worker-" + (i + 1) + " exited " + w.exitValue() + " (see its log in "
                                + work + ")");
                    }
                    w.destroy();
                    if (!w.waitFor(10, TimeUnit.SECONDS)) {
                        w.destroyForcibly();
                    }
                }
            }
        }
        optedOutPackets = packets(BY_DEVICE.get(OPTED_OUT));
        controlPackets = packets(BY_DEVICE.get(COUNTER_CONTROL));
        if (Files.exists(results)) {
            LINES.addAll(Files.readAllLines(results));
        }
        Map<String, String> deviceOf = new LinkedHashMap<>();
        BY_DEVICE.forEach((device, ns) -> deviceOf.put(ns.deviceAddress().getHostAddress(), device));
        for (String line : LINES) {
            JsonNode o = JSON.readTree(line);
            WORKER_NAMES.add(o.path("worker").asText());
            String device = deviceOf.getOrDefault(o.path("address").asText(), "outside the lab: " + o.path("address").asText());
            OBSERVED.computeIfAbsent(device, d -> new ArrayList<>()).add(o);
        }
        writeReport();
    }

    @AfterAll
    static void removeLab() {
        NAMESPACES.forEach(Netns::close);
    }

    /** Every survey-allowed check, three pairs (admin/admin first, as NOTICE's lists start), the survey defaults. */
    private static String scope(List<String> blocks) {
        Instant now = Instant.now();
        return """
                format: iotseal-survey-scope/1
                id: survey-lab
                title: Survey of the real-daemon lab
                blocks: %s
                ports: %s
                checks: %s
                credentials:
                  - {username: admin, password: admin}
                  - {username: root, password: root}
                  - {username: admin, password: "1234"}
                rate: 200
                window: {from: %s, until: %s}
                legalBasis: The test's own network namespaces on this machine (ADR 0078); no other address
                signedOffBy: SurveyLabTest
                signedOffAt: %s
                blockSize: 16
                """.formatted(blocks, PORTS, new TreeSet<>(SurveyChecks.ALLOWED), now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));
    }

    /** {@code iotseal probe worker} in a JVM of its own, as ProbeCampaignCommandTest starts one. */
    private static Process startWorker(String natsUrl, String name, Path work) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                IotSealCli.class.getName(), "probe", "worker", "--nats", natsUrl, "--name", name)
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    /**
     * An nftables counter in the device's namespace on every IPv4 packet addressed to the device, before any other
     * rule (the drop-all device's own table is not among the counted ones).
     */
    private static void countPackets(Netns ns) {
        ns.execWithInput("""
                table ip surveycount {
                  chain input {
                    type filter hook input priority -400; policy accept;
                    ip daddr %s counter
                  }
                }
                """.formatted(ns.deviceAddress().getHostAddress()), "nft", "-f", "-");
    }

    private static long packets(Netns ns) {
        String table = ns.exec("nft", "list", "table", "ip", "surveycount");
        Matcher m = Pattern.compile("counter packets (\\d+)").matcher(table);
        if (!m.find()) {
            throw new IllegalStateException("no counter in " + ns.name() + ": " + table);
        }
        return Long.parseLong(m.group(1));
    }

    @Test
    void theCampaignEndsWithEveryAddressObservedOnceByBothWorkers() {
        assertThat(exitCode).as("probe campaign start; stderr: " + campaignErr).isZero();
        assertThat(campaignOut).contains("survey-lab DONE", "observations " + BY_DEVICE.size() + " of "
                + BY_DEVICE.size() + " addresses");
        assertThat(LINES).hasSize(BY_DEVICE.size());
        assertThat(OBSERVED.keySet()).containsExactlyInAnyOrderElementsOf(BY_DEVICE.keySet());
        OBSERVED.forEach((device, list) -> assertThat(list).as("observations of " + device).hasSize(1));
        // A worker takes one item at a time and each item here is one address, so both live workers take some.
        assertThat(WORKERS_DEAD_AT_END).as("workers that died before the campaign ended").isEmpty();
        assertThat(WORKER_NAMES).as("the workers that observed (the opted-out record comes from a worker too)")
                .containsExactly("lab-worker-1", "lab-worker-2");
    }

    @Test
    void theOptedOutDeviceGotNoPacketWhileAProbedOneDid() {
        assertThat(controlPackets).as("packets to " + COUNTER_CONTROL + " (the counter works)").isPositive();
        assertThat(optedOutPackets).as("packets to the opted-out " + OPTED_OUT).isZero();
    }

    @TestFactory
    Stream<DynamicTest> everyObservationMatchesTheSurveyGroundTruth() {
        return LabDevices.DEVICES.keySet().stream().map(device -> DynamicTest.dynamicTest(device, () ->
                assertThat(disagreements(device)).as("observation of " + device + " against devices/" + device
                        + ".survey.yaml").isEmpty()));
    }

    /** Every way the device's observation differs from its survey ground truth, one line each. */
    static List<String> disagreements(String device) {
        SurveyGroundTruth truth = SurveyGroundTruth.load(device);
        List<JsonNode> list = OBSERVED.getOrDefault(device, List.of());
        if (list.size() != 1) {
            return List.of(list.size() + " observations, expected exactly one");
        }
        JsonNode o = list.get(0);
        List<String> wrong = new ArrayList<>();
        if (o.path("reached").asBoolean() != truth.reached()) {
            wrong.add("reached " + o.path("reached").asBoolean() + ", expected " + truth.reached() + " ("
                    + o.path("reachability").asText() + ")");
        }
        if (o.path("optedOut").asBoolean() != truth.optedOut()) {
            wrong.add("optedOut " + o.path("optedOut").asBoolean() + ", expected " + truth.optedOut());
        }
        if (!truth.reached()) {
            // Nothing may be claimed about a device not reached: no PASS above all (ADR 0076).
            o.path("findings").forEach(f -> wrong.add("finding " + f.path("check").asText() + ":" + f.path("port").asInt()
                    + " " + f.path("verdict").asText() + " for a device not reached"));
            if (!o.path("services").isEmpty() || !o.path("fingerprints").isEmpty()) {
                wrong.add("services or fingerprints for a device not reached: " + o.path("services") + " "
                        + o.path("fingerprints"));
            }
            return wrong;
        }
        Map<Integer, JsonNode> actual = new LinkedHashMap<>();
        for (JsonNode f : o.path("findings")) {
            if (f.path("check").asText().equals("default-credentials") && actual.put(f.path("port").asInt(), f) != null) {
                wrong.add("default-credentials:" + f.path("port").asInt() + ": more than one finding");
            }
        }
        for (SurveyGroundTruth.Verdict expected : truth.defaultCredentials()) {
            JsonNode f = actual.remove(expected.port());
            if (f == null) {
                wrong.add("default-credentials:" + expected.port() + ": missing, expected " + expected.verdict()
                        + " (" + expected.why() + ")");
            } else if (!f.path("verdict").asText().equals(expected.verdict())) {
                wrong.add("default-credentials:" + expected.port() + ": " + f.path("verdict").asText() + ", expected "
                        + expected.verdict() + " (" + expected.why() + "); probe said: " + f.path("summary").asText());
            }
        }
        actual.forEach((port, f) -> wrong.add("default-credentials:" + port + ": unexpected " + f.path("verdict").asText()
                + " (" + f.path("summary").asText() + ")"));
        for (SurveyGroundTruth.Print expected : truth.fingerprints()) {
            boolean found = false;
            for (JsonNode p : o.path("fingerprints")) {
                found |= p.path("kind").asText().equals(expected.kind()) && p.path("port").asInt() == expected.port()
                        && expected.matches(p.path("value").asText());
            }
            if (!found) {
                wrong.add("fingerprint " + expected + " missing (" + expected.why() + "); observed: " + o.path("fingerprints"));
            }
        }
        return wrong;
    }

    private static void writeReport() throws IOException {
        StringBuilder sb = new StringBuilder("campaign exit " + exitCode + "; " + campaignOut.strip() + "\npackets to "
                + OPTED_OUT + " (opted out): " + optedOutPackets + "; to " + COUNTER_CONTROL + ": " + controlPackets
                + "\nworkers: " + WORKER_NAMES + (WORKERS_DEAD_AT_END.isEmpty() ? "" : "; died: " + WORKERS_DEAD_AT_END) + "\n");
        for (String device : LabDevices.DEVICES.keySet()) {
            List<String> wrong = disagreements(device);
            sb.append(device).append(": ").append(wrong.isEmpty() ? "as expected" : wrong.size() + " wrong").append('\n');
            wrong.forEach(w -> sb.append("  - ").append(w).append('\n'));
            SurveyGroundTruth.load(device).knownGaps().forEach(g -> sb.append("  known gap: ").append(g).append('\n'));
        }
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("observed.txt"), sb.toString());
    }
}
