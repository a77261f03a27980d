package io.iotseal.cli.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.cli.IotSealCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe against real Debian daemons (issue 15, item 8; ADR 0078): every device of {@link LabDevices}
 * runs in its own network namespace, `iotseal probe` runs against all of them at once exactly as a lab
 * would call it (same options parsing, defaults and exit codes), and every verdict is compared with the
 * device's written ground truth. A missing daemon or no permission for namespaces fails, never skips.
 * A table of every disagreement is also written to target/real-daemons/verdicts.txt.
 */
@Tag("real-daemons")
class RealDaemonProbeTest {
    private static final Path WORK = Path.of("target", "real-daemons");
    private static final List<Netns> NAMESPACES = new ArrayList<>();
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    /** One probe run: exit code, JSON output, standard error. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startLabAndProbe() throws Exception {
        String runId = "isl" + String.format("%04x", new SecureRandom().nextInt(0x10000));
        int third = freeThirdOctet();
        Map<String, Netns> byDevice = new LinkedHashMap<>();
        int index = 0;
        for (var device : LabDevices.DEVICES.entrySet()) {
            Netns ns = Netns.create(runId + index, third, 4 * index,
                    WORK.resolve(runId).resolve(device.getKey()).toAbsolutePath());
            NAMESPACES.add(ns);
            device.getValue().accept(ns);
            byDevice.put(device.getKey(), ns);
            index++;
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var e : byDevice.entrySet()) {
                pool.submit(() -> RUNS.put(e.getKey(), probe(e.getValue(), GroundTruth.load(e.getKey()))));
            }
        }
        writeReport();
    }

    @AfterAll
    static void removeLab() {
        NAMESPACES.forEach(Netns::close);
    }

    /** A 10.203.X.0/24 that no interface of this machine uses, so parallel runs do not collide. */
    static int freeThirdOctet() {
        String used = Netns.run("ip", "-o", "addr");
        SecureRandom random = new SecureRandom();
        for (int tries = 0; tries < 50; tries++) {
            int third = 1 + random.nextInt(254);
            if (!used.contains("10.203." + third + ".")) {
                return third;
            }
        }
        throw new IllegalStateException("no free 10.203.X.0/24 for the lab");
    }

    private static Run probe(Netns ns, GroundTruth truth) {
        List<String> args = new ArrayList<>(List.of("probe", ns.deviceAddress().getHostAddress(), "--json", "--quiet"));
        args.addAll(truth.options());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = IotSealCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyVerdictMatchesTheGroundTruth() {
        return LabDevices.DEVICES.keySet().stream().map(device -> DynamicTest.dynamicTest(device, () -> {
            List<String> wrong = disagreements(device);
            assertThat(wrong).as("verdicts of " + device + " that disagree with devices/" + device + ".yaml").isEmpty();
        }));
    }

    /** Every way the device's probe run differs from its ground truth, one line each. */
    static List<String> disagreements(String device) throws IOException {
        GroundTruth truth = GroundTruth.load(device);
        Run run = RUNS.get(device);
        List<String> wrong = new ArrayList<>();
        if (run == null) {
            return List.of("the probe did not run");
        }
        if (truth.exitCode() != null ? run.exitCode() != truth.exitCode() : Set.of(0, 4).contains(run.exitCode())) {
            wrong.add("exit code " + run.exitCode() + ", expected " + (truth.exitCode() != null ? truth.exitCode()
                    : "neither 0 (no FAIL) nor 4 (FAIL found)") + (run.err().isBlank() ? "" : "; stderr: " + run.err().strip()));
        }
        if (run.out().isBlank()) {
            wrong.add("no JSON output; stderr: " + run.err().strip());
            return wrong;
        }
        JsonNode findings = new ObjectMapper().readTree(run.out()).at("/devices/0/findings");
        Map<String, JsonNode> actual = new LinkedHashMap<>();
        for (JsonNode f : findings) {
            String key = f.path("checkId").asText() + ":" + f.path("port").asInt();
            if (actual.put(key, f) != null) {
                wrong.add(key + ": more than one finding");
            }
        }
        if (!truth.reached()) {
            // A device the probe could not reach: nothing may be claimed about it.
            for (var e : actual.entrySet()) {
                String verdict = e.getValue().path("verdict").asText();
                if (Set.of("PASS", "FAIL", "NOT_APPLICABLE").contains(verdict)) {
                    wrong.add(e.getKey() + ": " + verdict + " for a device that was not reached ("
                            + e.getValue().path("summary").asText() + ")");
                }
            }
            return wrong;
        }
        for (GroundTruth.Expected expected : truth.verdicts()) {
            JsonNode f = actual.remove(expected.key());
            if (f == null) {
                wrong.add(expected.key() + ": missing, expected " + expected.verdict() + " (" + expected.why() + ")");
            } else if (!f.path("verdict").asText().equals(expected.verdict())) {
                wrong.add(expected.key() + ": " + f.path("verdict").asText() + ", expected " + expected.verdict()
                        + " (" + expected.why() + "); probe said: " + f.path("summary").asText());
            }
        }
        for (var e : actual.entrySet()) {
            wrong.add(e.getKey() + ": unexpected " + e.getValue().path("verdict").asText() + " ("
                    + e.getValue().path("summary").asText() + ")");
        }
        return wrong;
    }

    private static void writeReport() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String device : LabDevices.DEVICES.keySet()) {
            List<String> wrong = disagreements(device);
            sb.append(device).append(": ").append(wrong.isEmpty() ? "all verdicts as expected" : wrong.size() + " wrong")
                    .append('\n');
            wrong.forEach(w -> sb.append("  - ").append(w).append('\n'));
        }
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("verdicts.txt"), sb.toString());
        for (var e : RUNS.entrySet()) {
            Files.writeString(WORK.resolve(e.getKey() + ".json"), e.getValue().out());
        }
    }
}
