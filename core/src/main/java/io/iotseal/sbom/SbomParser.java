package io.iotseal.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.iotseal.document.CycloneDxInput;
import io.iotseal.document.InvalidDocumentException;
import io.iotseal.document.NotWellFormedException;
import io.iotseal.document.SafeXml;
import io.iotseal.document.SchemaProblem;
import io.iotseal.document.SchemaProblems;
import io.iotseal.document.StrictJson;
import io.iotseal.sbom.SbomException.Problem;
import io.iotseal.sbom.SbomException.Reason;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    static final String SPDX_VERSION = "SPDX-2.3";
    /** A CPE 2.3 formatted string has 13 colon-separated fields (escaped colons "\:" excepted), part a, o or h. */
    private static final Pattern CPE23 = Pattern.compile("cpe:2\\.3:[aho*\\-](:(?:[^:\\\\]|\\\\.)*){10}");
    private static final Pattern CPE22 = Pattern.compile("cpe:/[aho](:[^:]*){0,6}");

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
        try {
            return switch (f) {
                case CYCLONEDX_JSON -> cycloneDxJson(content);
                case CYCLONEDX_XML -> cycloneDxXml(content);
                case SPDX_JSON -> spdxJson(content);
            };
        } catch (NotWellFormedException e) {
            throw SbomException.of(Reason.MALFORMED, e.location(), e.getMessage());
        } catch (InvalidDocumentException e) {
            throw new SbomException(Reason.INVALID, e.problems().stream()
                    .map(p -> new Problem(p.location(), p.message())).toList());
        }
    }

    // --- CycloneDX ----------------------------------------------------------------------------------

    private SbomDocument cycloneDxJson(byte[] content) throws NotWellFormedException, InvalidDocumentException {
        JsonNode root = StrictJson.read(content);
        if (!root.isObject() || !"CycloneDX".equals(root.path("bomFormat").asText(null))) {
            throw SbomException.of(Reason.MALFORMED, "/bomFormat",
                    "not a CycloneDX document: \"bomFormat\" must be \"CycloneDX\"");
        }
        String specVersion = CycloneDxInput.jsonSpecVersion(root);
        Version version = cycloneDxVersion(specVersion, "/specVersion");
        Bom bom = CycloneDxInput.validateAndParse(content, specVersion, version, true);
        return cycloneDx(SbomFormat.CYCLONEDX_JSON, specVersion, bom, true);
    }

    private SbomDocument cycloneDxXml(byte[] content) throws NotWellFormedException, InvalidDocumentException {
        String specVersion = CycloneDxInput.xmlSpecVersion(SafeXml.read(content).getDocumentElement());
        Version version = cycloneDxVersion(specVersion, "xmlns");
        Bom bom = CycloneDxInput.validateAndParse(content, specVersion, version, false);
        return cycloneDx(SbomFormat.CYCLONEDX_XML, specVersion, bom, false);
    }

    private static Version cycloneDxVersion(String text, String location) {
        Version v = CycloneDxInput.VERSIONS.get(text);
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

    private SbomDocument spdxJson(byte[] content) throws NotWellFormedException, InvalidDocumentException {
        JsonNode root = StrictJson.read(content);
        JsonNode spec = root.get("spdxVersion");
        if (!root.isObject() || spec == null || !spec.isTextual()) {
            throw SbomException.of(Reason.MALFORMED, "/spdxVersion",
                    "not an SPDX JSON document: \"spdxVersion\" is required, e.g. \"SPDX-2.3\"");
        }
        if (!SPDX_VERSION.equals(spec.asText())) {
            throw SbomException.of(Reason.UNSUPPORTED_VERSION, "/spdxVersion", "SPDX version " + spec.asText()
                    + " is not supported; upload SPDX-2.3 (JSON)");
        }
        List<SchemaProblem> problems = SchemaProblems.of(spdxSchema.validate(root));
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(SchemaProblems.limit(problems, note -> new SchemaProblem(null, note)));
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

    // --- helpers -------------------------------------------------------------------------------------

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
