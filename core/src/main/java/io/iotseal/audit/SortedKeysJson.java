package io.iotseal.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JSON with object keys sorted by their UTF-16 code units, no insignificant whitespace, and Jackson's
 * number and string forms: a stable text for hashing, but <em>not</em> RFC 8785 (Jackson escapes
 * control characters with upper-case hex digits where RFC 8785 wants lower-case, and writes doubles as
 * {@code 1.0E10}). It is the form of audit entries of format 1 (ADR 0023, ADR 0066), kept exactly so
 * that chains written in it keep verifying, and of idempotency request hashes. New audit entries use
 * {@link Rfc8785Json}.
 */
public final class SortedKeysJson {

    private static final ObjectMapper MAPPER = JsonMappers.plain();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private SortedKeysJson() {
    }

    /** The canonical text of a JSON document given as text; {@code null} stays {@code null}. */
    public static String canonicalize(String json) {
        return json == null ? null : write(JsonDocuments.parse(MAPPER, json));
    }

    /** The canonical text of a JSON tree. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(node, gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator gen) throws IOException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            gen.writeNull();
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            gen.writeStartObject();
            for (String name : names) {
                gen.writeFieldName(name);
                write(node.get(name), gen);
            }
            gen.writeEndObject();
        } else if (node.isArray()) {
            gen.writeStartArray();
            for (JsonNode item : node) {
                write(item, gen);
            }
            gen.writeEndArray();
        } else {
            MAPPER.writeTree(gen, node);
        }
    }
}
