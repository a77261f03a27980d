package io.iotseal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.LocalizedText;
import io.iotseal.json.JsonMappers;

/** JSON output for the {@code --json} option. */
final class Json {
    static final ObjectMapper MAPPER = JsonMappers.pretty();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode text(LocalizedText text) {
        ObjectNode node = object();
        if (text != null) {
            text.asMap().forEach(node::put);
        }
        return node;
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
