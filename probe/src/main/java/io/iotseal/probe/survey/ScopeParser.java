package io.iotseal.probe.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.json.JsonMappers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code iotseal-survey-scope/1} from YAML or JSON into a tree and checks its shape field by field
 * (unknown fields refused), so every error says which field of which file is wrong; the record then checks
 * the rules on the values.
 */
final class ScopeParser {
    private static final Set<String> FIELDS = Set.of("format", "id", "title", "blocks", "ports", "checks",
            "credentials", "rate", "window", "legalBasis", "signedOffBy", "signedOffAt", "blockSize");
    /** Scopes are small; a bigger file is a mistake (or an attack on the coordinator), not a scope. */
    private static final long MAX_BYTES = 4 * 1024 * 1024;

    private ScopeParser() {
    }

    static SurveyScope read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("scope " + file + ": larger than " + MAX_BYTES + " bytes");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("scope " + file + ": cannot read", e);
        }
    }

    static SurveyScope parse(String text, String source) {
        JsonNode root;
        try {
            String t = text == null ? "" : text.strip();
            root = t.startsWith("{") ? JsonMappers.strict().readTree(t) : JsonMappers.strictYaml().readTree(t);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("scope " + source + ": not valid YAML or JSON: " + e.getOriginalMessage());
        }
        try {
            return fromTree(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scope " + source + ": " + e.getMessage(), e);
        }
    }

    static SurveyScope fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a mapping of fields");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(name + ": unknown field; known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        });
        String format = scalar(root, "format");
        if (!SurveyScope.FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: must be " + SurveyScope.FORMAT + ", was '" + format + "'");
        }
        List<AddressRange> blocks = new ArrayList<>();
        JsonNode b = list(root, "blocks");
        for (int i = 0; i < b.size(); i++) {
            if (!b.get(i).isTextual()) {
                throw new IllegalArgumentException("blocks[" + i + "]: must be a CIDR block or a first-last range");
            }
            try {
                blocks.add(AddressRange.parse(b.get(i).asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("blocks[" + i + "]: " + e.getMessage());
            }
        }
        List<Integer> ports = new ArrayList<>();
        JsonNode p = list(root, "ports");
        for (int i = 0; i < p.size(); i++) {
            if (!p.get(i).isIntegralNumber() || !p.get(i).canConvertToInt()) {
                throw new IllegalArgumentException("ports[" + i + "]: must be a whole number, was " + p.get(i));
            }
            ports.add(p.get(i).intValue());
        }
        List<String> checks = new ArrayList<>();
        JsonNode c = list(root, "checks");
        for (int i = 0; i < c.size(); i++) {
            if (!c.get(i).isTextual()) {
                throw new IllegalArgumentException("checks[" + i + "]: must be a check id");
            }
            checks.add(c.get(i).asText());
        }
        JsonNode rate = root.get("rate");
        if (rate == null || !rate.isNumber()) {
            throw new IllegalArgumentException("rate: required, a number of connection attempts per second");
        }
        JsonNode size = root.get("blockSize");
        if (size != null && (!size.isIntegralNumber() || !size.canConvertToInt())) {
            throw new IllegalArgumentException("blockSize: must be a whole number, was " + size);
        }
        return new SurveyScope(scalar(root, "id"), scalar(root, "title"), blocks, ports, checks, credentials(root),
                rate.doubleValue(), window(root), scalar(root, "legalBasis"), scalar(root, "signedOffBy"),
                instant(root, "signedOffAt", "signedOffAt"),
                size == null ? SurveyScope.DEFAULT_BLOCK_SIZE : size.intValue());
    }

    private static List<SurveyScope.CredentialPair> credentials(JsonNode root) {
        List<SurveyScope.CredentialPair> out = new ArrayList<>();
        JsonNode list = root.get("credentials");
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("credentials: must be a list of {username, password}");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode pair = list.get(i);
            String where = "credentials[" + i + "]";
            if (!pair.isObject()) {
                throw new IllegalArgumentException(where + ": must be {username, password}");
            }
            pair.fieldNames().forEachRemaining(name -> {
                if (!name.equals("username") && !name.equals("password")) {
                    throw new IllegalArgumentException(where + "." + name + ": unknown field");
                }
            });
            // YAML types an unquoted 123456 as a number; a password is its text either way.
            for (String field : List.of("username", "password")) {
                JsonNode v = pair.get(field);
                if (v == null || !v.isValueNode() || v.isNull()) {
                    throw new IllegalArgumentException(where + "." + field + ": required");
                }
            }
            out.add(new SurveyScope.CredentialPair(pair.get("username").asText(), pair.get("password").asText()));
        }
        return out;
    }

    private static SurveyScope.Window window(JsonNode root) {
        JsonNode w = root.get("window");
        if (w == null || !w.isObject()) {
            throw new IllegalArgumentException("window: required, {from, until}");
        }
        w.fieldNames().forEachRemaining(name -> {
            if (!name.equals("from") && !name.equals("until")) {
                throw new IllegalArgumentException("window." + name + ": unknown field");
            }
        });
        return new SurveyScope.Window(instant(w, "from", "window.from"), instant(w, "until", "window.until"));
    }

    private static Instant instant(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(path + ": required, a time like 2026-12-01T00:00:00Z");
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": '" + v.asText() + "' is not a time with offset, like 2026-12-01T00:00:00Z");
        }
    }

    private static JsonNode list(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(field + ": required, a list");
        }
        return v;
    }

    /** A required scalar as text (numbers too: YAML types an unquoted title like 2026 as a number). */
    private static String scalar(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return v.asText();
    }
}
