package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * An assessor's verdict overrides, read from a YAML file (ADR 0077):
 * <pre>
 * overrides:
 *   - check: information-disclosure   # required
 *     target: 192.0.2.10              # optional: the target as named, or its address
 *     port: 21                        # optional
 *     verdict: PASS                   # PASS, FAIL, INCONCLUSIVE or N/A
 *     justification: "The banner is the product name the manufacturer publishes; no version."
 *     assessor: "A. Assessor, Lab 7"  # optional
 * </pre>
 * Each override must match at least one finding, so a typo never goes unnoticed; the report keeps the
 * probe's verdict next to the assessor's.
 */
public final class Overrides {
    private final List<Rule> rules;
    private final String description;

    private record Rule(int index, String check, String target, Integer port, Verdict verdict, String justification,
                        String assessor) {
        boolean matches(DeviceReport device, Finding f) {
            return f.checkId().equals(check)
                    && (target == null || target.equals(device.target()) || target.equals(device.address()))
                    && (port == null || port == f.port());
        }
    }

    private Overrides(List<Rule> rules, String description) {
        this.rules = rules;
        this.description = description;
    }

    /** @throws IllegalArgumentException naming the entry and field when the file is malformed */
    public static Overrides load(Path file) {
        byte[] bytes;
        JsonNode root;
        try {
            bytes = Files.readAllBytes(file);
            root = JsonMappers.strictYaml().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("override " + file + ": cannot read", e);
        }
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.path("overrides")) {
            i++;
            String where = "override " + file + " entry " + i;
            String check = text(n, "check", where);
            Verdict verdict = verdict(text(n, "verdict", where), where);
            String justification = text(n, "justification", where);
            rules.add(new Rule(i, check, n.hasNonNull("target") ? n.get("target").asText() : null,
                    n.hasNonNull("port") ? n.get("port").asInt() : null, verdict, justification,
                    n.path("assessor").asText("")));
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("override " + file + ": no entries under 'overrides'");
        }
        return new Overrides(rules, file + " (sha256 " + sha256(bytes) + ")");
    }

    /** The result with every matching finding overridden; fails when an override matches nothing. */
    public CampaignResult apply(CampaignResult result) {
        boolean[] used = new boolean[rules.size()];
        List<DeviceReport> devices = new ArrayList<>();
        for (DeviceReport d : result.devices()) {
            List<Finding> findings = new ArrayList<>();
            for (Finding f : d.findings()) {
                Finding out = f;
                for (Rule r : rules) {
                    if (r.matches(d, f)) {
                        used[r.index() - 1] = true;
                        out = out.overriddenTo(r.verdict(), r.justification(), r.assessor());
                    }
                }
                findings.add(out);
            }
            devices.add(new DeviceReport(d.target(), d.address(), d.started(), d.finished(), d.services(), findings,
                    d.reachability()));
        }
        for (Rule r : rules) {
            if (!used[r.index() - 1]) {
                throw new IllegalArgumentException("override entry " + r.index() + " (check " + r.check()
                        + (r.target() == null ? "" : ", target " + r.target()) + (r.port() == null ? "" : ", port " + r.port())
                        + ") matches no finding of this run");
            }
        }
        return result.with(devices, result.facts().withOverrides(description));
    }

    private static String text(JsonNode n, String field, String where) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is required");
        }
        return v.strip();
    }

    private static Verdict verdict(String text, String where) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.equals("N/A")) {
            return Verdict.NOT_APPLICABLE;
        }
        try {
            return Verdict.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field 'verdict' must be PASS, FAIL, INCONCLUSIVE or N/A, was '"
                    + text + "'");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
