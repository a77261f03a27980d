package io.iotseal.advisory.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading feed JSON the way {@code SbomParser} reads SBOMs: duplicate keys and trailing content refused, and a
 * broken file named by the JSON pointer of the value being read plus line and column. Also the small helpers
 * the JSON readers share, each throwing {@link FeedException} with the pointer of the offending field.
 */
final class FeedJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** For reading values out of a stream one by one: the trailing-content check is done once, by hand. */
    private static final ObjectMapper STREAM = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FeedJson() {
    }

    static JsonNode read(String file, byte[] content) throws FeedException {
        try (JsonParser parser = JSON.createParser(content)) {
            try {
                JsonNode node = JSON.readTree(parser);
                if (node == null || node.isMissingNode()) {
                    throw new FeedException(file, "the file is empty");
                }
                return node;
            } catch (JsonProcessingException e) {
                throw syntax(file, parser, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives one element of a streamed array with its index. */
    @FunctionalInterface
    interface Element {
        void accept(int index, JsonNode element) throws FeedException;
    }

    /**
     * Reads a JSON object whose bulk is one array (NVD's {@code vulnerabilities}) one element at a time, so a
     * feed of hundreds of MiB is never one tree in memory. The kind is checked, as {@link #expect} does, on
     * the fields before the array and its first element (or on the whole object when there is no element).
     * Errors carry the same pointer and line/column as {@link #read}.
     *
     * @return the other top-level fields
     */
    static ObjectNode streamArray(FeedKind kind, String file, byte[] content, String arrayField, Element each)
            throws FeedException {
        try (JsonParser parser = STREAM.createParser(content)) {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    if (parser.currentToken() == null) {
                        throw new FeedException(file, "the file is empty");
                    }
                    throw new FeedException(file + " /", "expected " + kind.expected());
                }
                ObjectNode root = STREAM.createObjectNode();
                boolean checked = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals(arrayField) && value == JsonToken.START_ARRAY && !root.has(arrayField)) {
                        root.putArray(arrayField);
                        int i = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode element = STREAM.readTree(parser);
                            if (!checked) {
                                ObjectNode probe = root.deepCopy();
                                probe.putArray(arrayField).add(element);
                                expect(kind, file, probe);
                                checked = true;
                            }
                            each.accept(i++, element);
                        }
                    } else {
                        root.set(field, STREAM.readTree(parser));
                    }
                }
                if (parser.nextToken() != null) {
                    throw new FeedException(file + " /", "trailing content after the JSON document");
                }
                if (!checked) {
                    expect(kind, file, root);
                }
                return root;
            } catch (JsonProcessingException e) {
                throw syntax(file, parser, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FeedException syntax(String file, JsonParser parser, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String pointer = parser.getParsingContext() == null ? "" : parser.getParsingContext().pathAsPointer().toString();
        return new FeedException(file + " " + (pointer.isEmpty() ? "/" : pointer)
                + (l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")"),
                "not well-formed JSON (is the file cut short?): "
                        + e.getOriginalMessage().replaceFirst(" \\(start marker at .*", ""));
    }

    /** What kind of feed this JSON looks like, or null; used to say "expected X, this looks like Y". */
    static FeedKind guess(JsonNode root) {
        if (!root.isObject()) {
            return null;
        }
        JsonNode first = root.path("vulnerabilities").path(0);
        if (root.has("catalogVersion") || first.has("cveID")) {
            return FeedKind.KEV;
        }
        if ("NVD_CVE".equals(root.path("format").asText(null)) || first.has("cve")) {
            return FeedKind.NVD;
        }
        if (root.has("modified") || root.has("affected") || root.has("schema_version")) {
            return FeedKind.OSV;
        }
        return null;
    }

    /** Refuses a file of another kind than declared, or of no recognisable kind. */
    static void expect(FeedKind expected, String file, JsonNode root) throws FeedException {
        FeedKind actual = guess(root);
        if (actual != expected) {
            throw new FeedException(file + " /", "expected " + expected.expected()
                    + (actual == null ? "" : ", but this looks like " + actual.expected()));
        }
    }

    /** A required, non-blank text field. */
    static String required(String file, JsonNode node, String pointer, String field) throws FeedException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new FeedException(file + " " + pointer + "/" + field, "required by the feed's schema"
                    + (v == null ? " but missing" : ": must be a non-empty string"));
        }
        return v.asText().strip();
    }

    /** An optional text field, or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }

    /** An optional timestamp, or null; present but unreadable is an error. */
    static Instant time(String file, JsonNode node, String pointer, String field) throws FeedException {
        String t = text(node, field);
        if (t == null) {
            return null;
        }
        try {
            return FeedTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new FeedException(file + " " + pointer + "/" + field, "'" + t
                    + "' is not an RFC 3339 timestamp (e.g. 2024-01-02T03:04:05Z)");
        }
    }

    static Instant requiredTime(String file, JsonNode node, String pointer, String field) throws FeedException {
        required(file, node, pointer, field);
        return time(file, node, pointer, field);
    }

    /** The text items of an array field (non-text items skipped). */
    static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.path(field)) {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
        }
        return out;
    }
}
