package io.iotseal.server.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.server.web.FieldError;

import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the lines of an upload against the format and the campaign (docs/surveys.md). Each refusal names the
 * line (1-based, blank lines counted) and the field: {@code line 7: address}. An upload with any bad line is
 * refused whole, so that a collector fixes and resends it rather than leaving a gap it cannot see.
 */
final class ObservationReader {

    static final String FORMAT = "iotseal-survey-observation/1";
    static final Set<String> VERDICTS = Set.of("PASS", "FAIL", "INCONCLUSIVE", "NOT_APPLICABLE");
    /** Enough to fix an upload; more would only repeat the same mistake. */
    static final int MAX_ERRORS = 20;

    private final ObjectMapper mapper;
    private final String campaign;
    private final String scopeSha256;
    private final AddressBlocks blocks;
    private final List<FieldError> errors = new ArrayList<>();

    ObservationReader(ObjectMapper mapper, String campaign, String scopeSha256, AddressBlocks blocks) {
        this.mapper = mapper;
        this.campaign = campaign;
        this.scopeSha256 = scopeSha256;
        this.blocks = blocks;
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean full() {
        return errors.size() >= MAX_ERRORS;
    }

    /** The line's observation, or empty with its errors recorded. */
    Optional<Observation> read(int line, String text) {
        int before = errors.size();
        JsonNode o;
        try {
            o = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return fail(line, "json", "not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            return fail(line, "json", "each line is one JSON object");
        }
        if (!FORMAT.equals(o.path("format").asText(null))) {
            error(line, "format", "must be " + FORMAT);
        }
        if (!campaign.equals(o.path("campaign").asText(null))) {
            error(line, "campaign", "must be " + campaign + ", the campaign of the path");
        }
        if (!scopeSha256.equals(o.path("scopeSha256").asText(null))) {
            error(line, "scopeSha256", "is not the SHA-256 of the campaign's registered scope");
        }
        String address = address(line, o.path("address"));
        OffsetDateTime observedAt = instant(line, o, "observedAt");
        OffsetDateTime finishedAt = instant(line, o, "finishedAt");
        boolean reached = bool(line, o, "reached");
        boolean optedOut = bool(line, o, "optedOut");
        String reachability = text(line, o, "reachability", 1000, false);
        String worker = text(line, o, "worker", 200, true);
        List<Observation.Seen> seen = fingerprints(line, o.path("fingerprints"));
        List<Observation.Failed> failed = findings(line, o.path("findings"));
        for (String array : List.of("services", "fingerprints", "findings")) {
            JsonNode a = o.path(array);
            if (!a.isMissingNode() && !a.isNull() && !a.isArray()) {
                error(line, array, "an array");
            }
        }
        if (optedOut && (reached || o.path("services").size() + o.path("fingerprints").size()
                + o.path("findings").size() > 0)) {
            error(line, "optedOut", "an opted-out address was sent no packet: not reached, nothing found");
        }
        if (!reached && o.path("findings").size() > 0) {
            error(line, "findings", "a device that was not reached has no findings");
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Observation(line, address, observedAt, finishedAt, reached, optedOut,
                reachability == null ? "" : reachability, array(o, "services"), array(o, "fingerprints"),
                array(o, "findings"), worker, seen, failed));
    }

    private String address(int line, JsonNode n) {
        Optional<InetAddress> a = AddressBlocks.literal(n.isTextual() ? n.asText() : null);
        if (a.isEmpty()) {
            error(line, "address", "an IPv4 or IPv6 address");
            return null;
        }
        if (!blocks.contains(a.get())) {
            error(line, "address", n.asText() + " is outside the campaign's signed-off blocks");
            return null;
        }
        return a.get().getHostAddress();
    }

    private List<Observation.Seen> fingerprints(int line, JsonNode array) {
        List<Observation.Seen> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : array.isArray() ? array : mapper.createArrayNode()) {
            String at = "fingerprints[" + i++ + "]";
            String kind = f.path("kind").asText(null);
            if (!Fingerprint.KINDS.contains(kind)) {
                error(line, at + ".kind", "one of " + String.join(", ", Fingerprint.KINDS));
                continue;
            }
            if (!f.path("value").isTextual()) {
                error(line, at + ".value", "required: text");
                continue;
            }
            Integer port = port(line, f.path("port"), at + ".port");
            out.add(new Observation.Seen(kind, port, Fingerprint.normalised(kind, f.path("value").asText())));
        }
        return out;
    }

    private List<Observation.Failed> findings(int line, JsonNode array) {
        List<Observation.Failed> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : array.isArray() ? array : mapper.createArrayNode()) {
            String at = "findings[" + i++ + "]";
            String check = f.path("check").asText("");
            if (!check.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                error(line, at + ".check", "a check id such as default-credentials");
            }
            String verdict = f.path("verdict").asText(null);
            if (!VERDICTS.contains(verdict)) {
                error(line, at + ".verdict", "one of PASS, FAIL, INCONCLUSIVE, NOT_APPLICABLE");
            }
            Integer port = port(line, f.path("port"), at + ".port");
            String service = f.path("service").asText("");
            if (service.length() > 32) {
                error(line, at + ".service", "at most 32 characters");
            }
            String summary = f.path("summary").asText("");
            if (summary.length() > 2000) {
                error(line, at + ".summary", "at most 2000 characters");
            }
            if ("FAIL".equals(verdict)) {
                out.add(new Observation.Failed(check, port == null ? 0 : port, service, summary));
            }
        }
        return out;
    }

    private Integer port(int line, JsonNode n, String field) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        // 0 is the probe's "the whole device" (a finding or fingerprint not about one port).
        if (!n.isInt() || n.asInt() < 0 || n.asInt() > 65535) {
            error(line, field, "a port, 0 (the whole device) to 65535");
            return null;
        }
        return n.asInt();
    }

    private OffsetDateTime instant(int line, JsonNode o, String field) {
        List<FieldError> found = new ArrayList<>();
        OffsetDateTime t = SurveyScope.instant(o.path(field), field, found);
        found.forEach(e -> error(line, e.field(), e.message()));
        return t;
    }

    private boolean bool(int line, JsonNode o, String field) {
        if (!o.path(field).isBoolean()) {
            error(line, field, "true or false");
            return false;
        }
        return o.path(field).asBoolean();
    }

    private String text(int line, JsonNode o, String field, int max, boolean required) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) {
            if (required) {
                error(line, field, "required");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().length() > max) {
            error(line, field, "text of at most " + max + " characters");
            return null;
        }
        return n.asText();
    }

    private String array(JsonNode o, String field) {
        JsonNode a = o.path(field);
        return a.isArray() ? a.toString() : "[]";
    }

    private Optional<Observation> fail(int line, String field, String message) {
        error(line, field, message);
        return Optional.empty();
    }

    private void error(int line, String field, String message) {
        if (!full()) {
            errors.add(new FieldError("line " + line + ": " + field, message));
        }
    }
}
