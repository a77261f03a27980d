package io.iotseal.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.iotseal.sbom.SbomException.Problem;
import io.iotseal.sbom.SbomException.Reason;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SBOM (ADR 0091): CycloneDX 1.4, 1.5 and 1.6 as JSON or XML, validated against the CycloneDX
 * schemas and parsed by the CycloneDX project's own library ({@code cyclonedx-core-java}), and SPDX 2.3
 * JSON, validated against the official SPDX 2.3 JSON schema. A document is accepted only when it is
 * well-formed, of a supported specification version and schema-valid; every refusal names where the
 * problem is (a JSON pointer, or the XML line and column). Components are then extracted with their
 * package URL (checked and put in canonical form by {@code packageurl-java}), CPE and supplier; what
 * weakens later matching (no purl and no CPE, an invalid purl, a malformed CPE, no version) becomes a
 * warning, not a refusal. Thread-safe; the schemas are loaded once.
 */
public final class SbomParser {

    /** The CycloneDX versions accepted, by their {@code specVersion} text. */
    static final Map<String, Version> CYCLONEDX_VERSIONS = Map.of(
            "1.4", Version.VERSION_14, "1.5", Version.VERSION_15, "1.6", Version.VERSION_16);
    static final String SPDX_VERSION = "SPDX-2.3";
    private static final String CYCLONEDX_NAMESPACE = "http://cyclonedx.org/schema/bom/";
    /** At most this many schema problems are reported; the rest are counted. */
    static final int MAX_PROBLEMS = 20;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** A CPE 2.3 formatted string has 13 colon-separated fields (escaped colons "\:" excepted), part a, o or h. */
    private static final Pattern CPE23 = Pattern.compile("cpe:2\\.3:[aho*\\-](:(?:[^:\\\\]|\\\\.)*){10}");
    private static final Pattern CPE22 = Pattern.compile("cpe:/[aho](:[^:]*){0,6}");
    /** networknt's JSONPath-like locations ("$.components[0].name") as the CycloneDX library reports them. */
    private static final Pattern LEGACY_PATH = Pattern.compile("^(\\$[^:\\s]*): (.*)$", Pattern.DOTALL);

    private final JsonSchema spdxSchema;

    public SbomParser() {
        this.spdxSchema = loadSpdxSchema();
    }

    /**
     * Parses and validates {@code content} as {@code format}, or as the format it looks like when
     * {@code format} is null.
     *
     * @throws SbomException when the document is refused, naming each problem and where it is
     */
    public SbomDocument parse(byte[] content, SbomFormat format) {
        if (content == null || content.length == 0) {
            throw SbomException.of(Reason.MALFORMED, null, "the document is empty");
        }
        SbomFormat f = format != null ? format : SbomFormat.detect(content).orElseThrow(() -> SbomException.of(
                Reason.MALFORMED, null, "neither CycloneDX (JSON or XML) nor SPDX JSON: declare one of "
                        + SbomFormat.mediaTypes()));
        return switch (f) {
            case CYCLONEDX_JSON -> cycloneDxJson(content);
            case CYCLONEDX_XML -> cycloneDxXml(content);
            case SPDX_JSON -> spdxJson(content);
        };
    }

    // --- CycloneDX ----------------------------------------------------------------------------------

    private SbomDocument cycloneDxJson(byte[] content) {
        JsonNode root = readJson(content);
        if (!root.isObject() || !"CycloneDX".equals(root.path("bomFormat").asText(null))) {
            throw SbomException.of(Reason.MALFORMED, "/bomFormat",
                    "not a CycloneDX document: \"bomFormat\" must be \"CycloneDX\"");
        }
        JsonNode spec = root.get("specVersion");
        if (spec == null || !spec.isTextual()) {
            throw SbomException.of(Reason.INVALID, "/specVersion", "required: the CycloneDX version as text, e.g. \"1.6\"");
        }
        Version version = cycloneDxVersion(spec.asText(), "/specVersion");
        List<ParseException> errors;
        try {
            errors = new org.cyclonedx.parsers.JsonParser().validate(content, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new SbomException(Reason.INVALID, limit(errors.stream().map(SbomParser::jsonProblem).toList()));
        }
        Bom bom;
        try {
            bom = new org.cyclonedx.parsers.JsonParser().parse(content);
        } catch (ParseException e) {
            throw SbomException.of(Reason.INVALID, null, "CycloneDX " + spec.asText() + ": " + e.getMessage());
        }
        return cycloneDx(SbomFormat.CYCLONEDX_JSON, spec.asText(), bom, true);
    }

    private SbomDocument cycloneDxXml(byte[] content) {
        Element root = readXml(content).getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"bom".equals(root.getLocalName()) || ns == null || !ns.startsWith(CYCLONEDX_NAMESPACE)) {
            throw SbomException.of(Reason.MALFORMED, "line 1", "not a CycloneDX document: the root element must be <bom>"
                    + " in the namespace " + CYCLONEDX_NAMESPACE + "1.6 (or 1.4, 1.5); found <" + root.getTagName() + ">"
                    + (ns == null ? " without namespace" : " in " + ns));
        }
        String specVersion = ns.substring(CYCLONEDX_NAMESPACE.length());
        Version version = cycloneDxVersion(specVersion, "xmlns");
        List<ParseException> errors;
        try {
            errors = new org.cyclonedx.parsers.XmlParser().validate(content, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new SbomException(Reason.INVALID, limit(errors.stream().map(SbomParser::xmlProblem).toList()));
        }
        Bom bom;
        try {
            bom = new org.cyclonedx.parsers.XmlParser().parse(content);
        } catch (ParseException e) {
            throw SbomException.of(Reason.INVALID, null, "CycloneDX " + specVersion + ": " + e.getMessage());
        }
        return cycloneDx(SbomFormat.CYCLONEDX_XML, specVersion, bom, false);
    }

    private static Version cycloneDxVersion(String text, String location) {
        Version v = CYCLONEDX_VERSIONS.get(text);
        if (v == null) {
            throw SbomException.of(Reason.UNSUPPORTED_VERSION, location, "CycloneDX version " + text
                    + " is not supported; upload CycloneDX 1.4, 1.5 or 1.6");
        }
        return v;
    }

    private static SbomDocument cycloneDx(SbomFormat format, String specVersion, Bom bom, boolean json) {
        List<SbomComponent> components = new ArrayList<>();
        List<SbomWarning> warnings = new ArrayList<>();
        walk(bom.getComponents(), json ? "/components" : "/bom/components", json, components, warnings);
        if (components.isEmpty()) {
            warnings.add(new SbomWarning(json ? "/components" : "/bom/components",
                    "the SBOM lists no components, so nothing can be matched against advisories"));
        }
        return new SbomDocument(format, specVersion, components, warnings);
    }

    private static void walk(List<Component> list, String base, boolean json, List<SbomComponent> out,
                             List<SbomWarning> warnings) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Component c = list.get(i);
            String at = json ? base + "/" + i : base + "/component[" + (i + 1) + "]";
            String supplier = c.getSupplier() == null ? null : blankToNull(c.getSupplier().getName());
            out.add(component(c.getBomRef(), c.getName(), c.getVersion(), c.getPurl(), c.getCpe(), supplier, at,
                    json ? "/purl" : "/purl", warnings));
            walk(c.getComponents(), json ? at + "/components" : at + "/components", json, out, warnings);
        }
    }

    // --- SPDX ---------------------------------------------------------------------------------------

    private SbomDocument spdxJson(byte[] content) {
        JsonNode root = readJson(content);
        JsonNode spec = root.get("spdxVersion");
        if (!root.isObject() || spec == null || !spec.isTextual()) {
            throw SbomException.of(Reason.MALFORMED, "/spdxVersion",
                    "not an SPDX JSON document: \"spdxVersion\" is required, e.g. \"SPDX-2.3\"");
        }
        if (!SPDX_VERSION.equals(spec.asText())) {
            throw SbomException.of(Reason.UNSUPPORTED_VERSION, "/spdxVersion", "SPDX version " + spec.asText()
                    + " is not supported; upload SPDX-2.3 (JSON)");
        }
        List<Problem> problems = spdxSchema.validate(root).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                .map(m -> new Problem(pointer(m.getInstanceLocation().toString()), stripLocation(m)))
                .toList();
        if (!problems.isEmpty()) {
            throw new SbomException(Reason.INVALID, limit(problems));
        }
        List<SbomComponent> components = new ArrayList<>();
        List<SbomWarning> warnings = new ArrayList<>();
        JsonNode packages = root.path("packages");
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            String at = "/packages/" + i;
            String purl = null;
            String cpe = null;
            JsonNode refs = p.path("externalRefs");
            for (int j = 0; j < refs.size(); j++) {
                String type = refs.get(j).path("referenceType").asText("");
                String locator = refs.get(j).path("referenceLocator").asText(null);
                if (type.equals("purl")) {
                    if (purl != null) {
                        warnings.add(new SbomWarning(at + "/externalRefs/" + j, "'" + text(p, "name")
                                + "' has more than one package URL; the first is used"));
                    } else {
                        purl = locator;
                    }
                } else if ((type.equals("cpe23Type") || type.equals("cpe22Type")) && cpe == null) {
                    cpe = locator;
                }
            }
            components.add(component(text(p, "SPDXID"), text(p, "name"), text(p, "versionInfo"), purl, cpe,
                    spdxSupplier(text(p, "supplier")), at, "/externalRefs", warnings));
        }
        if (components.isEmpty()) {
            warnings.add(new SbomWarning("/packages", "the SBOM lists no packages, so nothing can be matched against advisories"));
        }
        return new SbomDocument(SbomFormat.SPDX_JSON, "2.3", components, warnings);
    }

    /** "Organization: Example Ltd (sbom@example.com)" → "Example Ltd"; NOASSERTION → null. */
    static String spdxSupplier(String supplier) {
        if (supplier == null || supplier.equals("NOASSERTION")) {
            return null;
        }
        String s = supplier.replaceFirst("^(Organization|Person|Tool):\\s*", "");
        s = s.replaceFirst("\\s*\\([^()]*\\)\\s*$", "");
        return blankToNull(s.strip());
    }

    // --- components ---------------------------------------------------------------------------------

    private static SbomComponent component(String ref, String name, String version, String purl, String cpe,
                                           String supplier, String at, String purlField, List<SbomWarning> warnings) {
        String label = "'" + name + (version == null ? "" : "@" + version) + "'";
        String canonical = null;
        if (purl != null && !purl.isBlank()) {
            try {
                canonical = new PackageURL(purl.strip()).canonicalize();
            } catch (MalformedPackageURLException e) {
                warnings.add(new SbomWarning(at + purlField, label + ": '" + purl + "' is not a valid package URL ("
                        + e.getMessage() + "); it is ignored"));
            }
        }
        String c = blankToNull(cpe);
        if (c != null && !CPE23.matcher(c).matches() && !CPE22.matcher(c).matches()) {
            warnings.add(new SbomWarning(at, label + ": '" + c + "' is neither a CPE 2.3 formatted string"
                    + " (cpe:2.3:part:vendor:product:version:... with 13 fields) nor a CPE 2.2 URI (cpe:/...)"));
        }
        if (canonical == null && c == null) {
            warnings.add(new SbomWarning(at, label + " has no package URL and no CPE, so no advisory can be matched to it"));
        }
        if (version == null || version.isBlank()) {
            warnings.add(new SbomWarning(at, label + " has no version, so version ranges cannot be evaluated for it"));
        }
        return new SbomComponent(blankToNull(ref), name, blankToNull(version), canonical, c, blankToNull(supplier));
    }

    // --- reading --------------------------------------------------------------------------------------

    private static JsonNode readJson(byte[] content) {
        try (JsonParser parser = JSON.createParser(content)) {
            try {
                JsonNode node = JSON.readTree(parser);
                if (node == null) {
                    throw SbomException.of(Reason.MALFORMED, null, "the document is empty");
                }
                return node;
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                String pointer = parser.getParsingContext() == null ? "" : parser.getParsingContext().pathAsPointer().toString();
                throw SbomException.of(Reason.MALFORMED, pointer.isEmpty() ? "/" : pointer, "not well-formed JSON"
                        + (l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr()) + ": "
                        + e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses XML with DTDs refused outright (no entity expansion, no external fetches). */
    private static Document readXml(byte[] content) {
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
            throw SbomException.of(Reason.MALFORMED, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage());
        } catch (SAXException e) {
            throw SbomException.of(Reason.MALFORMED, null, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Problem jsonProblem(ParseException e) {
        String message = e.getMessage() == null ? String.valueOf(e.getCause()) : e.getMessage();
        Matcher m = LEGACY_PATH.matcher(message);
        if (m.matches()) {
            return new Problem(pointer(m.group(1)), m.group(2));
        }
        return new Problem(null, message);
    }

    private static Problem xmlProblem(ParseException e) {
        Throwable t = e;
        while (t != null && !(t instanceof SAXParseException)) {
            t = t.getCause();
        }
        if (t instanceof SAXParseException s) {
            return new Problem("line " + s.getLineNumber() + ", column " + s.getColumnNumber(), s.getMessage());
        }
        return new Problem(null, e.getMessage());
    }

    /** "$.components[0].name" or "/components/0/name" → the JSON pointer "/components/0/name" ("/" for the root). */
    static String pointer(String path) {
        if (path.startsWith("/")) {
            return path;
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

    private static List<Problem> limit(List<Problem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<Problem> out = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        out.add(new Problem(null, (problems.size() - MAX_PROBLEMS) + " more problems not shown"));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static JsonSchema loadSpdxSchema() {
        try (InputStream in = SbomParser.class.getResourceAsStream("spdx-schema-2.3.json")) {
            if (in == null) {
                throw new IllegalStateException("spdx-schema-2.3.json is missing from io/iotseal/sbom");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
