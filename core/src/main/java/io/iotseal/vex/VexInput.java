package io.iotseal.vex;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.iotseal.json.JsonMappers;
import io.iotseal.vex.VexException.Problem;
import io.iotseal.vex.VexException.Reason;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reading untrusted bytes for the VEX readers: JSON with duplicate keys and trailing content refused and
 * the failure located by JSON pointer and line; XML with DOCTYPE refused (no entities, no external
 * fetches); schema problems as JSON pointers; package URLs in canonical form.
 */
final class VexInput {

    /** At most this many schema problems are reported; the rest are counted. */
    static final int MAX_PROBLEMS = 20;
    private static final ObjectMapper JSON = JsonMappers.strict();

    private VexInput() {
    }

    static JsonNode readJson(byte[] content) {
        try (JsonParser parser = JSON.createParser(content)) {
            try {
                JsonNode node = JSON.readTree(parser);
                if (node == null || node.isMissingNode()) {
                    throw VexException.of(Reason.MALFORMED, null, "the document is empty");
                }
                return node;
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                String pointer = parser.getParsingContext() == null ? ""
                        : parser.getParsingContext().pathAsPointer().toString();
                throw VexException.of(Reason.MALFORMED, pointer.isEmpty() ? "/" : pointer, "not well-formed JSON"
                        + (l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr()) + ": "
                        + e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document readXml(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw VexException.of(Reason.MALFORMED, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage());
        } catch (SAXException e) {
            throw VexException.of(Reason.MALFORMED, null, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates against a schema; throws INVALID with every problem (by JSON pointer, in document order). */
    static void validate(JsonSchema schema, JsonNode root, String what) {
        Set<ValidationMessage> messages = schema.validate(root);
        if (messages.isEmpty()) {
            return;
        }
        List<Problem> problems = messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                .map(m -> new Problem(pointer(m.getInstanceLocation().toString()), what + ": " + stripLocation(m)))
                .distinct()
                .toList();
        throw new VexException(Reason.INVALID, limit(problems));
    }

    static List<Problem> limit(List<Problem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<Problem> out = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        out.add(new Problem(null, (problems.size() - MAX_PROBLEMS) + " more problems not shown"));
        return out;
    }

    /** "$.vulnerabilities[0].analysis" or "/a/0" or "" → a JSON pointer ("/" for the root). */
    static String pointer(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        if (!path.startsWith("$")) {
            return path;
        }
        String p = path.substring(1)
                .replaceAll("\\['([^']*)'\\]", "/$1")
                .replaceAll("\\[(\\d+)\\]", "/$1")
                .replace('.', '/');
        return p.isEmpty() ? "/" : p;
    }

    private static String stripLocation(ValidationMessage m) {
        String text = m.getMessage();
        String loc = m.getInstanceLocation().toString();
        return text.startsWith(loc + ": ") ? text.substring(loc.length() + 2) : text;
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
