package io.iotseal.probe.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.report.DeviceReport;

import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One address as a survey worker observed it, format {@code iotseal-survey-observation/1} (docs/surveys.md):
 * one JSON object per line of an upload to the registry. Findings carry the probe's already-redacted
 * summary and no raw evidence, so nothing a device said in a login exchange leaves the worker.
 */
public record Observation(String campaign, String scopeSha256, String address, Instant observedAt,
                          Instant finishedAt, boolean reached, boolean optedOut, String reachability,
                          List<Service> services, List<Fingerprint> fingerprints, List<Finding> findings,
                          String worker) {
    public static final String FORMAT = "iotseal-survey-observation/1";
    private static final ObjectMapper MAPPER = JsonMappers.plain();

    /** An open port and what answers there (the banner as the probe recorded it before any login). */
    public record Service(int port, String service, String banner) {
        public Service {
            ObservationRules.port("services.port", port);
            service = ObservationRules.text("services.service", service, 32, true);
            banner = Objects.requireNonNullElse(banner, "");
        }
    }

    /** A check's result: redacted summary and requirement ids ({@code catalog#requirement}), no evidence. */
    public record Finding(String check, int port, String service, Verdict verdict, String summary,
                          List<String> requirements) {
        public Finding {
            check = ObservationRules.text("findings.check", check, 64, false);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("findings.port: " + port + " is outside 0-65535 (0: the whole device)");
            }
            service = ObservationRules.text("findings.service", Objects.requireNonNullElse(service, ""), 32, true);
            Objects.requireNonNull(verdict, "findings.verdict");
            summary = ObservationRules.text("findings.summary", summary, 2000, false);
            requirements = List.copyOf(Objects.requireNonNullElse(requirements, List.of()));
        }
    }

    public Observation {
        ObservationRules.check(campaign, scopeSha256, address, observedAt, finishedAt, worker);
        reachability = ObservationRules.text("reachability", reachability, 1000, true);
        services = List.copyOf(Objects.requireNonNullElse(services, List.of()));
        fingerprints = List.copyOf(Objects.requireNonNullElse(fingerprints, List.of()));
        findings = List.copyOf(Objects.requireNonNullElse(findings, List.of()));
        if (optedOut && (reached || !services.isEmpty() || !fingerprints.isEmpty() || !findings.isEmpty())) {
            throw new IllegalArgumentException("optedOut: an opted-out address was sent no packet, so it is not "
                    + "reached and has no services, fingerprints or findings");
        }
        if (!reached && !findings.isEmpty()) {
            throw new IllegalArgumentException("findings: a device that was not reached has no findings (ADR 0076)");
        }
    }

    /** The record of an opted-out address: no packet was sent to it. */
    public static Observation optedOut(SurveyScope scope, InetAddress address, Instant at, String worker) {
        Instant t = at.truncatedTo(ChronoUnit.MILLIS);
        return new Observation(scope.id(), scope.sha256(), Addresses.text(address), t, t, false, true,
                "opted out: no packet sent", List.of(), List.of(), List.of(), worker);
    }

    /** The observation of a probed device: its report's services and redacted findings, and its fingerprints. */
    public static Observation of(SurveyScope scope, DeviceReport report, List<Fingerprint> fingerprints, String worker) {
        List<Service> services = report.services().stream()
                .map(s -> new Service(s.port(), s.service(), s.banner())).toList();
        List<Finding> findings = report.findings().stream()
                .map(f -> new Finding(f.checkId(), f.port(), f.service(), f.verdict(), f.summary(),
                        f.requirements().stream().map(Object::toString).toList()))
                .toList();
        String address = Addresses.text(Addresses.literal(report.address()));
        return new Observation(scope.id(), scope.sha256(), address, report.started().truncatedTo(ChronoUnit.MILLIS),
                report.finished().truncatedTo(ChronoUnit.MILLIS), report.reached(), false,
                ObservationRules.cut(report.reachability().detail(), 1000), services, fingerprints, findings, worker);
    }

    /** Failing findings: what the registry counts ({@code fail_count}). */
    public long failCount() {
        return findings.stream().filter(f -> f.verdict() == Verdict.FAIL).count();
    }

    /** One line of an upload: compact JSON, fields in the documented order, UTF-8. */
    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(ObservationJson.write(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an observation is always writable", e);
        }
    }

    /** Reads and validates one observation; errors name the field. */
    public static Observation fromJson(byte[] json) {
        JsonNode root;
        try {
            root = JsonMappers.strict().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("observation: not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            throw new IllegalArgumentException("observation: must be a JSON object");
        }
        return ObservationJson.read(object);
    }
}
