package io.iotseal.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.iotseal.vex.VexException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a VEX document (ADR 0094), recognising its format from its content: XML is CycloneDX; a JSON
 * object with {@code bomFormat} is CycloneDX, one with {@code @context} is OpenVEX, one with
 * {@code document.csaf_version} is CSAF. A document is accepted only when well-formed, of a supported
 * version and valid against its schema (CycloneDX by the CycloneDX library, OpenVEX 0.2.0 and CSAF 2.0 by
 * their JSON schemas vendored beside this class); every refusal is a {@link VexException} naming where
 * (JSON pointer, or XML line and column). Thread-safe; the schemas are loaded once.
 */
public final class VexReader {

    private VexReader() {
    }

    /**
     * @param content the document's bytes
     * @param name    the file or upload name, used only in messages
     * @throws VexException when the document is refused
     */
    public static VexDocument read(byte[] content, String name) {
        String label = name == null || name.isBlank() ? "the document" : "'" + name + "'";
        if (content == null || content.length == 0) {
            throw VexException.of(Reason.MALFORMED, null, label + " is empty");
        }
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        if (head.startsWith("<")) {
            return CycloneDxVexReader.xml(content);
        }
        JsonNode root = VexInput.readJson(content);
        if (!root.isObject()) {
            throw VexException.of(Reason.MALFORMED, "/", label + " is not a JSON object");
        }
        if (root.has("bomFormat")) {
            if (!"CycloneDX".equals(VexInput.text(root, "bomFormat"))) {
                throw VexException.of(Reason.MALFORMED, "/bomFormat", "\"bomFormat\" must be \"CycloneDX\"");
            }
            return CycloneDxVexReader.json(content, root);
        }
        if (root.has("@context")) {
            return OpenVexReader.read(root, Schemas.OPENVEX);
        }
        if (root.path("document").has("csaf_version")) {
            return CsafVexReader.read(root, Schemas.CSAF);
        }
        throw VexException.of(Reason.MALFORMED, "/", label + " is neither CycloneDX VEX (\"bomFormat\"), OpenVEX"
                + " (\"@context\") nor CSAF VEX (\"document\".\"csaf_version\")");
    }

    /** Loaded on first use; the CSAF schema's references to FIRST's CVSS schemas resolve to local copies. */
    private static final class Schemas {
        static final JsonSchema OPENVEX = load("openvex_json_schema_0.2.0.json");
        static final JsonSchema CSAF = load("csaf_json_schema_2.0.json");

        private static JsonSchema load(String resource) {
            try (InputStream in = VexReader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from io/iotseal/vex");
                }
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
                JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                        b -> b.schemaMappers(m -> m.mapPrefix("https://www.first.org/cvss/", "classpath:io/iotseal/vex/")));
                return factory.getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
