package io.iotseal.probe.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.probe.finding.Verdict;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Writes and reads the JSON of {@link Observation}: field names exactly as docs/surveys.md, strictly read. */
final class ObservationJson {
    private static final Set<String> FIELDS = Set.of("format", "campaign", "scopeSha256", "address", "observedAt",
            "finishedAt", "reached", "optedOut", "reachability", "services", "fingerprints", "findings", "worker");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ObservationJson() {
    }

    static ObjectNode write(Observation o) {
        ObjectNode n = F.objectNode();
        n.put("format", Observation.FORMAT);
        n.put("campaign", o.campaign());
        n.put("scopeSha256", o.scopeSha256());
        n.put("address", o.address());
        n.put("observedAt", o.observedAt().toString());
        n.put("finishedAt", o.finishedAt().toString());
        n.put("reached", o.reached());
        n.put("optedOut", o.optedOut());
        n.put("reachability", o.reachability());
        ArrayNode services = n.putArray("services");
        o.services().forEach(s -> services.addObject().put("port", s.port()).put("service", s.service())
                .put("banner", s.banner()));
        ArrayNode fps = n.putArray("fingerprints");
        o.fingerprints().forEach(f -> fps.addObject().put("kind", f.kind().name()).put("port", f.port())
                .put("value", f.value()));
        ArrayNode findings = n.putArray("findings");
        for (Observation.Finding f : o.findings()) {
            ObjectNode x = findings.addObject().put("check", f.check()).put("port", f.port()).put("service", f.service())
                    .put("verdict", f.verdict().name()).put("summary", f.summary());
            ArrayNode reqs = x.putArray("requirements");
            f.requirements().forEach(reqs::add);
        }
        n.put("worker", o.worker());
        return n;
    }

    static Observation read(ObjectNode n) {
        only(n, FIELDS, "");
        if (!Observation.FORMAT.equals(text(n, "format", ""))) {
            throw new IllegalArgumentException("format: must be " + Observation.FORMAT);
        }
        List<Observation.Service> services = list(n, "services", (s, at) -> {
            only(s, Set.of("port", "service", "banner"), at);
            return new Observation.Service(integer(s, "port", at), text(s, "service", at), text(s, "banner", at));
        });
        List<Fingerprint> fingerprints = list(n, "fingerprints", (f, at) -> {
            only(f, Set.of("kind", "port", "value"), at);
            Fingerprint.Kind kind;
            try {
                kind = Fingerprint.Kind.valueOf(text(f, "kind", at));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "kind: one of " + List.of(Fingerprint.Kind.values()));
            }
            return new Fingerprint(kind, integer(f, "port", at), text(f, "value", at));
        });
        List<Observation.Finding> findings = list(n, "findings", (f, at) -> {
            only(f, Set.of("check", "port", "service", "verdict", "summary", "requirements"), at);
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(text(f, "verdict", at));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "verdict: one of " + List.of(Verdict.values()));
            }
            List<String> reqs = list(f, "requirements", (r, where) -> r.asText(), at, true);
            return new Observation.Finding(text(f, "check", at), integer(f, "port", at), text(f, "service", at), verdict,
                    text(f, "summary", at), reqs);
        });
        return new Observation(text(n, "campaign", ""), text(n, "scopeSha256", ""), text(n, "address", ""),
                instant(n, "observedAt"), instant(n, "finishedAt"), bool(n, "reached"), bool(n, "optedOut"),
                text(n, "reachability", ""), services, fingerprints, findings, text(n, "worker", ""));
    }

    private interface Element<T> {
        T read(JsonNode node, String at);
    }

    private static <T> List<T> list(JsonNode n, String field, Element<T> element) {
        return list(n, field, (node, at) -> {
            if (!(node instanceof ObjectNode)) {
                throw new IllegalArgumentException(at.substring(0, at.length() - 1) + ": must be an object");
            }
            return element.read(node, at);
        }, "", false);
    }

    private static <T> List<T> list(JsonNode n, String field, Element<T> element, String prefix, boolean strings) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(prefix + field + ": required, a list");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String at = prefix + field + "[" + i + "]" + (strings ? "" : ".");
            if (strings && !v.get(i).isTextual()) {
                throw new IllegalArgumentException(at + ": must be text");
            }
            out.add(element.read(v.get(i), at));
        }
        return out;
    }

    private static void only(JsonNode n, Set<String> fields, String at) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.contains(name)) {
                throw new IllegalArgumentException(at + name + ": unknown field");
            }
        }
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(at + field + ": required, text");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(at + field + ": required, a whole number");
        }
        return v.intValue();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException(field + ": required, true or false");
        }
        return v.booleanValue();
    }

    private static Instant instant(JsonNode n, String field) {
        try {
            return Instant.parse(text(n, field, ""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not a UTC time like 2026-12-01T17:00:00.123Z");
        }
    }
}
