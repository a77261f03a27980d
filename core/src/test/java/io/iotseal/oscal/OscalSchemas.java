package io.iotseal.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates documents against the official OSCAL JSON schemas that NIST's liboscal-java ships
 * (OSCAL 1.1.3). Shared with other modules through the core's test jar.
 */
public final class OscalSchemas {
    public static final String CATALOG = "schema/json/oscal-catalog_schema.json";
    public static final String ASSESSMENT_RESULTS = "schema/json/oscal-ar_schema.json";

    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private OscalSchemas() {
    }

    /** The schema violations of {@code document}; empty when it is valid. */
    public static List<String> violations(String schemaResource, JsonNode document) {
        JsonSchema schema = CACHE.computeIfAbsent(schemaResource, OscalSchemas::load);
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = OscalSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (liboscal-java missing?)");
            }
            // The official 1.1.3 schemas contain one stray "id" keyword (external-ids/id); draft-07
            // does not define it, so it is declared as a keyword that validates nothing.
            JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keyword(new NonValidationKeyword("id"))
                    .build();
            JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                    .metaSchema(draft7)
                    .build();
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
