package io.iotseal.oscal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.Source;
import io.iotseal.json.JsonMappers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Small helpers shared by the OSCAL exporters: JSON nodes, properties, metadata, back matter. */
public final class OscalJson {
    private static final ObjectMapper MAPPER = JsonMappers.pretty();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OscalJson() {
    }

    public static String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an OSCAL document", e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** An IoTSeal property (in our namespace). */
    static ObjectNode prop(String name, String value) {
        return object().put("name", name).put("ns", OscalIds.NS).put("value", value);
    }

    /** An OSCAL core property such as "label". */
    static ObjectNode coreProp(String name, String value) {
        return object().put("name", name).put("value", value);
    }

    static ObjectNode metadata(String title, String version, String oscalVersion, Instant lastModified) {
        ObjectNode metadata = object();
        metadata.put("title", title);
        metadata.put("last-modified", timestamp(lastModified));
        metadata.put("version", version);
        metadata.put("oscal-version", oscalVersion);
        return metadata;
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** A back-matter resource per source, with a stable UUID so that links can point at it. */
    static ArrayNode resources(String scope, List<Source> sources) {
        ArrayNode resources = array();
        for (Source source : sources) {
            ObjectNode resource = object();
            resource.put("uuid", sourceUuid(scope, source.id()));
            resource.put("title", source.title());
            resource.putArray("props").add(prop("source-id", source.id()));
            if (source.url() != null) {
                resource.putArray("rlinks").add(object().put("href", source.url()));
            }
            resources.add(resource);
        }
        return resources;
    }

    static String sourceUuid(String scope, String sourceId) {
        return OscalIds.uuid(scope + "/source/" + sourceId);
    }
}
