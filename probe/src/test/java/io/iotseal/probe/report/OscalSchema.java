package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The official OSCAL assessment-results JSON schema (draft-07), from the liboscal-java jar. The schema's
 * patterns use \p{L}/\p{N} classes; the validator's default JDK regex engine supports them.
 */
public final class OscalSchema {
    private static final String RESOURCE = "/schema/json/oscal-ar_schema.json";
    private static final JsonSchema SCHEMA = load();

    private OscalSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = OscalSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the test classpath (liboscal-java)");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            // networknt 1.5 walks "definitions" entries as schemas and then trips over OSCAL properties
            // named "id" (networknt issue #1093); declaring "id" a non-validating keyword avoids that
            // without loosening any real constraint (properties are still validated through $ref).
            JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV7()).keyword(new NonValidationKeyword("id")).build();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                    builder -> builder.metaSchema(meta));
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }
}
