package io.iotseal.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.json.JsonMappers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The BSI's reference CSAF validator ({@code @secvisogram/csaf-validator-lib}), run by node through
 * {@code tools/csaf-validator/validate.mjs} (ADR 0098): the strict schema and every mandatory test decide, the
 * optional tests are reported. Skipped on a developer machine without node or without {@code npm ci} having
 * run in that folder; under {@code CI=true} their absence fails the test (.ci/services.sh installs both).
 */
public final class CsafReferenceValidator {

    /** The validator's verdict: valid, and the JSON it printed (errors and optional findings). */
    public record Verdict(boolean valid, JsonNode report) {
        public JsonNode errors() {
            return report.path("errors");
        }

        public JsonNode optional() {
            return report.path("optional");
        }
    }

    private CsafReferenceValidator() {
    }

    /** The folder tools/csaf-validator of this checkout, found from the working directory upwards. */
    static Path tool() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/csaf-validator");
            if (Files.exists(candidate.resolve("validate.mjs"))) {
                return candidate;
            }
        }
        throw new AssertionError("tools/csaf-validator/validate.mjs not found above " + Path.of("").toAbsolutePath());
    }

    public static void requireForTest() {
        String missing = null;
        if (!onPath("node")) {
            missing = "node is not installed";
        } else if (!Files.isDirectory(tool().resolve("node_modules/@secvisogram/csaf-validator-lib"))) {
            missing = "the CSAF validator is not installed (run npm ci in tools/csaf-validator)";
        }
        if (missing == null) {
            return;
        }
        missing += " (.ci/services.sh installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        org.junit.jupiter.api.Assumptions.abort(missing);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Validates the document's bytes. */
    public static Verdict validate(byte[] document) throws IOException, InterruptedException {
        return validateAll(List.of(document)).get(0);
    }

    /** Validates several documents in one run of the validator (loading it takes seconds); verdicts in order. */
    public static List<Verdict> validateAll(List<byte[]> documents) throws IOException, InterruptedException {
        requireForTest();
        Path tool = tool();
        Path dir = Files.createTempDirectory("csaf-validate-");
        try {
            List<String> command = new ArrayList<>(List.of("node", tool.resolve("validate.mjs").toString()));
            for (int i = 0; i < documents.size(); i++) {
                command.add(Files.write(dir.resolve(i + ".json"), documents.get(i)).toString());
            }
            Process process = new ProcessBuilder(command).directory(tool.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the CSAF validator did not finish");
            }
            if (process.exitValue() > 1) {
                throw new AssertionError("the CSAF validator could not run (exit " + process.exitValue() + "): " + err);
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode report = JsonMappers.plain().readTree(line);
                    verdicts.add(new Verdict(report.path("valid").asBoolean(false), report));
                }
            }
            if (verdicts.size() != documents.size()) {
                throw new AssertionError("the CSAF validator answered " + verdicts.size() + " of " + documents.size()
                        + " documents: " + err);
            }
            return verdicts;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
