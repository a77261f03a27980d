package io.iotseal.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a JSON document given to us into a tree, strictly ({@link JsonMappers#strict()}: a key given twice
 * and trailing content are refused), naming where a broken document breaks: the JSON pointer of the value
 * being read and the line and column.
 */
public final class StrictJson {

    private static final ObjectMapper JSON = JsonMappers.strict();

    private StrictJson() {
    }

    /**
     * @throws NotWellFormedException "the document is empty" (no location), or "not well-formed JSON at line
     *                                L, column C: …" located by the JSON pointer ("/" at the root)
     */
    public static JsonNode read(byte[] content) throws NotWellFormedException {
        try (JsonParser parser = JSON.createParser(content)) {
            try {
                JsonNode node = JSON.readTree(parser);
                if (node == null || node.isMissingNode()) {
                    throw new NotWellFormedException(null, "the document is empty");
                }
                return node;
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                String pointer = parser.getParsingContext() == null ? ""
                        : parser.getParsingContext().pathAsPointer().toString();
                throw new NotWellFormedException(pointer.isEmpty() ? "/" : pointer, "not well-formed JSON"
                        + (l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr()) + ": "
                        + e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
