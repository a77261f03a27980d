package io.iotseal.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.Parser;
import org.cyclonedx.parsers.XmlParser;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps an SBOM and a CycloneDX VEX document share (ADR 0091, 0094): finding the specification version,
 * then validating against that version's schema and parsing, both by the CycloneDX project's own library
 * ({@code cyclonedx-core-java}), with its problems located by JSON pointer or XML line and column. Which
 * versions are supported, and how an unsupported one is refused, is each caller's.
 */
public final class CycloneDxInput {

    /** The CycloneDX versions the library validates and that we accept, by their {@code specVersion} text. */
    public static final Map<String, Version> VERSIONS = Map.of(
            "1.4", Version.VERSION_14, "1.5", Version.VERSION_15, "1.6", Version.VERSION_16);
    /** The XML namespace, without the version that ends it. */
    public static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";
    /** networknt's JSONPath-like locations ("$.components[0].name") as the CycloneDX library reports them. */
    private static final Pattern LEGACY_PATH = Pattern.compile("^(\\$[^:\\s]*): (.*)$", Pattern.DOTALL);

    private CycloneDxInput() {
    }

    /** The {@code specVersion} text of a CycloneDX JSON document (not yet checked to be supported). */
    public static String jsonSpecVersion(JsonNode root) throws InvalidDocumentException {
        JsonNode spec = root.get("specVersion");
        if (spec == null || !spec.isTextual()) {
            throw new InvalidDocumentException(List.of(new SchemaProblem("/specVersion",
                    "required: the CycloneDX version as text, e.g. \"1.6\"")));
        }
        return spec.asText();
    }

    /** The version that ends the namespace of a CycloneDX XML document's {@code <bom>} (not yet checked to be supported). */
    public static String xmlSpecVersion(Element root) throws NotWellFormedException {
        String ns = root.getNamespaceURI();
        if (!"bom".equals(root.getLocalName()) || ns == null || !ns.startsWith(NAMESPACE)) {
            throw new NotWellFormedException("line 1", "not a CycloneDX document: the root element must be <bom>"
                    + " in the namespace " + NAMESPACE + "1.6 (or 1.4, 1.5); found <" + root.getTagName() + ">"
                    + (ns == null ? " without namespace" : " in " + ns));
        }
        return ns.substring(NAMESPACE.length());
    }

    /**
     * Validates {@code content} against the schema of {@code version}, then parses it.
     *
     * @param specVersion the version as the document gives it, for the message when parsing fails
     * @throws InvalidDocumentException every schema problem (at most {@link SchemaProblems#MAX} and a count),
     *                                  or the one reason the library could not parse it
     */
    public static Bom validateAndParse(byte[] content, String specVersion, Version version, boolean json)
            throws InvalidDocumentException {
        List<ParseException> errors;
        try {
            errors = parser(json).validate(content, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            List<SchemaProblem> problems = errors.stream()
                    .map(json ? CycloneDxInput::jsonProblem : CycloneDxInput::xmlProblem).toList();
            throw new InvalidDocumentException(SchemaProblems.limit(problems, note -> new SchemaProblem(null, note)));
        }
        try {
            return parser(json).parse(content);
        } catch (ParseException e) {
            throw new InvalidDocumentException(List.of(new SchemaProblem(null,
                    "CycloneDX " + specVersion + ": " + e.getMessage())));
        }
    }

    /** A fresh parser each time, as the library's parsers are not documented to be reusable. */
    private static Parser parser(boolean json) {
        return json ? new JsonParser() : new XmlParser();
    }

    private static SchemaProblem jsonProblem(ParseException e) {
        String message = e.getMessage() == null ? String.valueOf(e.getCause()) : e.getMessage();
        Matcher m = LEGACY_PATH.matcher(message);
        if (m.matches()) {
            return new SchemaProblem(SchemaProblems.pointer(m.group(1)), m.group(2));
        }
        return new SchemaProblem(null, message);
    }

    private static SchemaProblem xmlProblem(ParseException e) {
        Throwable t = e;
        while (t != null && !(t instanceof SAXParseException)) {
            t = t.getCause();
        }
        if (t instanceof SAXParseException s) {
            return new SchemaProblem("line " + s.getLineNumber() + ", column " + s.getColumnNumber(), s.getMessage());
        }
        return new SchemaProblem(null, e.getMessage());
    }
}
