package io.iotseal.csaf;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OASIS schemas for the CSAF tests (core and server): the CSAF 2.0 document schema as vendored for the VEX
 * reader (io/iotseal/vex, ADR 0094) and the provider metadata schema vendored for these tests (its README),
 * their references to each other and to FIRST's CVSS schemas resolved to the local copies.
 */
public final class CsafSchemas {

    private CsafSchemas() {
    }

    public static JsonSchema csaf() {
        return load("/io/iotseal/vex/csaf_json_schema_2.0.json");
    }

    public static JsonSchema providerMetadata() {
        return load("/io/iotseal/csaf/provider_json_schema.json");
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = CsafSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m
                            .mapPrefix("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json",
                                    "classpath:io/iotseal/vex/csaf_json_schema_2.0.json")
                            .mapPrefix("https://www.first.org/cvss/", "classpath:io/iotseal/vex/")));
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
