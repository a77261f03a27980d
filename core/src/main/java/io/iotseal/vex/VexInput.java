package io.iotseal.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.iotseal.document.InvalidDocumentException;
import io.iotseal.document.NotWellFormedException;
import io.iotseal.document.SchemaProblems;
import io.iotseal.document.StrictJson;
import io.iotseal.vex.VexException.Problem;
import io.iotseal.vex.VexException.Reason;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Reading untrusted bytes for the VEX readers: the shared readers of {@code io.iotseal.document} (strict
 * JSON, schema problems as JSON pointers) with their failures turned into {@link VexException}s; package URLs in canonical form.
 */
final class VexInput {

    private VexInput() {
    }

    static JsonNode readJson(byte[] content) {
        try {
            return StrictJson.read(content);
        } catch (NotWellFormedException e) {
            throw malformed(e);
        }
    }

    static VexException malformed(NotWellFormedException e) {
        return VexException.of(Reason.MALFORMED, e.location(), e.getMessage());
    }

    static VexException invalid(InvalidDocumentException e) {
        return new VexException(Reason.INVALID, e.problems().stream()
                .map(p -> new Problem(p.location(), p.message())).toList());
    }

    /**
     * Validates against a schema; throws INVALID with every problem (by JSON pointer, in document order; the
     * whole document is "/", as in the VEX readers' other refusals).
     */
    static void validate(JsonSchema schema, JsonNode root, String what) {
        Set<ValidationMessage> messages = schema.validate(root);
        if (messages.isEmpty()) {
            return;
        }
        List<Problem> problems = SchemaProblems.of(messages).stream()
                .map(p -> new Problem(p.location().isEmpty() ? "/" : p.location(), what + ": " + p.message()))
                .distinct()
                .toList();
        throw new VexException(Reason.INVALID, limit(problems));
    }

    static List<Problem> limit(List<Problem> problems) {
        return SchemaProblems.limit(problems, note -> new Problem(null, note));
    }

    /**
     * The canonical form of a package URL, or null (with a warning naming {@code at}) when it is not one.
     */
    static String purl(String text, String at, List<String> warnings) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new PackageURL(text.strip()).canonicalize();
        } catch (MalformedPackageURLException e) {
            warnings.add(at + ": '" + text + "' is not a valid package URL (" + e.getMessage()
                    + "); the component is kept by its reference only");
            return null;
        }
    }

    /** The version a package URL names, or null. */
    static String purlVersion(String canonicalPurl) {
        if (canonicalPurl == null) {
            return null;
        }
        try {
            return new PackageURL(canonicalPurl).getVersion();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    static boolean looksLikePurl(String s) {
        return s != null && s.startsWith("pkg:");
    }

    /** An RFC 3339 date-time (the schemas have checked the format), or null. */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
