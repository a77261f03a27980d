package io.iotseal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.erdtman.jcs.JsonCanonicalizer;
import io.iotseal.json.JsonMappers;

import java.io.IOException;

/**
 * The JSON Canonicalization Scheme (RFC 8785), by the reference implementation of one of its authors
 * ({@code io.github.erdtman:java-json-canonicalization}): the form audit entries of format 2 are hashed
 * in (ADR 0066), so that anyone can recompute a hash with any RFC 8785 implementation.
 * <p>
 * RFC 8785 reads every number as an IEEE 754 double (I-JSON, RFC 7493): an integer beyond 2^53 would
 * silently change, so such input is refused rather than canonicalised into a different value.
 */
public final class Rfc8785Json {

    /** The largest integer a double holds exactly (2^53 - 1). */
    static final long MAX_EXACT_INTEGER = (1L << 53) - 1;

    private static final ObjectMapper MAPPER = JsonMappers.strict();

    private Rfc8785Json() {
    }

    /** The canonical text of a JSON document given as text; {@code null} stays {@code null}. */
    public static String canonicalize(String json) {
        return json == null ? null : write(JsonDocuments.parse(MAPPER, json));
    }

    /** The canonical text of a JSON tree. */
    public static String write(JsonNode node) {
        requireIJson(node, "$");
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise: " + e.getMessage(), e);
        }
    }

    private static void requireIJson(JsonNode node, String path) {
        if (node == null) {
            return;
        }
        if (node.isIntegralNumber() && !(node.canConvertToLong()
                && Math.abs(node.longValue()) <= MAX_EXACT_INTEGER)) {
            throw new IllegalArgumentException(path + ": the integer " + node.asText()
                    + " is beyond 2^53, which RFC 8785 (I-JSON) cannot represent exactly");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> requireIJson(f.getValue(), path + "." + f.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireIJson(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
