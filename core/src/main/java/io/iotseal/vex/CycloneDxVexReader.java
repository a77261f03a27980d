package io.iotseal.vex;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.vex.VexException.Problem;
import io.iotseal.vex.VexException.Reason;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Affect;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CycloneDX VEX (1.4–1.6, JSON and XML): validated and parsed by the CycloneDX project's own library, as
 * SBOMs are (ADR 0091); each {@code vulnerabilities[i].affects[j]} with an {@code analysis.state} becomes a
 * statement. The {@code affects} ref is resolved to the purl of the component with that bom-ref in the same
 * document, read as a purl when it is one, and taken from the fragment of a BOM-Link
 * ({@code urn:cdx:serial/version#bom-ref}) that points into the SBOM.
 */
final class CycloneDxVexReader {

    static final Map<String, Version> VERSIONS = Map.of(
            "1.4", Version.VERSION_14, "1.5", Version.VERSION_15, "1.6", Version.VERSION_16);
    private static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";
    /** networknt's JSONPath-like locations as the CycloneDX library reports them. */
    private static final Pattern LEGACY_PATH = Pattern.compile("^(\\$[^:\\s]*): (.*)$", Pattern.DOTALL);

    private CycloneDxVexReader() {
    }

    static VexDocument json(byte[] content, JsonNode root) {
        JsonNode spec = root.get("specVersion");
        if (spec == null || !spec.isTextual()) {
            throw VexException.of(Reason.INVALID, "/specVersion", "required: the CycloneDX version as text, e.g. \"1.6\"");
        }
        Version version = version(spec.asText(), "/specVersion");
        List<ParseException> errors;
        try {
            errors = new JsonParser().validate(content, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new VexException(Reason.INVALID, VexInput.limit(errors.stream().map(CycloneDxVexReader::jsonProblem).toList()));
        }
        try {
            return statements(VexFormat.CYCLONEDX_JSON, new JsonParser().parse(content), true);
        } catch (ParseException e) {
            throw VexException.of(Reason.INVALID, null, "CycloneDX " + spec.asText() + ": " + e.getMessage());
        }
    }

    static VexDocument xml(byte[] content) {
        Element root = VexInput.readXml(content).getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"bom".equals(root.getLocalName()) || ns == null || !ns.startsWith(NAMESPACE)) {
            throw VexException.of(Reason.MALFORMED, "line 1", "not a CycloneDX document: the root element must be"
                    + " <bom> in the namespace " + NAMESPACE + "1.6 (or 1.4, 1.5); found <" + root.getTagName() + ">"
                    + (ns == null ? " without namespace" : " in " + ns));
        }
        String specVersion = ns.substring(NAMESPACE.length());
        Version version = version(specVersion, "xmlns");
        List<ParseException> errors;
        try {
            errors = new XmlParser().validate(content, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new VexException(Reason.INVALID, VexInput.limit(errors.stream().map(CycloneDxVexReader::xmlProblem).toList()));
        }
        try {
            return statements(VexFormat.CYCLONEDX_XML, new XmlParser().parse(content), false);
        } catch (ParseException e) {
            throw VexException.of(Reason.INVALID, null, "CycloneDX " + specVersion + ": " + e.getMessage());
        }
    }

    private static Version version(String text, String location) {
        Version v = VERSIONS.get(text);
        if (v == null) {
            throw VexException.of(Reason.UNSUPPORTED_VERSION, location, "CycloneDX version " + text
                    + " is not supported for VEX; use CycloneDX 1.4, 1.5 or 1.6");
        }
        return v;
    }

    private static VexDocument statements(VexFormat format, Bom bom, boolean json) {
        List<String> warnings = new ArrayList<>();
        Map<String, String> purlByRef = new HashMap<>();
        if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
            index(List.of(bom.getMetadata().getComponent()), purlByRef, warnings);
        }
        index(bom.getComponents(), purlByRef, warnings);
        Instant documentTime = instant(bom.getMetadata() == null ? null : bom.getMetadata().getTimestamp());
        List<VexStatement> out = new ArrayList<>();
        List<Vulnerability> vulnerabilities = bom.getVulnerabilities() == null ? List.of() : bom.getVulnerabilities();
        if (vulnerabilities.isEmpty()) {
            warnings.add((json ? "/vulnerabilities" : "/bom/vulnerabilities") + ": the document has no vulnerabilities,"
                    + " so it states no triage");
        }
        for (int i = 0; i < vulnerabilities.size(); i++) {
            Vulnerability v = vulnerabilities.get(i);
            String at = json ? "/vulnerabilities/" + i : "/bom/vulnerabilities/vulnerability[" + (i + 1) + "]";
            Analysis analysis = v.getAnalysis();
            if (analysis == null || analysis.getState() == null) {
                warnings.add(at + ": '" + v.getId() + "' has no analysis.state, so it states no triage; skipped");
                continue;
            }
            if (v.getId() == null || v.getId().isBlank()) {
                warnings.add(at + ": a vulnerability without an id; skipped");
                continue;
            }
            VexStatus status = switch (analysis.getState()) {
                case RESOLVED, RESOLVED_WITH_PEDIGREE -> VexStatus.FIXED;
                case EXPLOITABLE -> VexStatus.AFFECTED;
                case IN_TRIAGE -> VexStatus.UNDER_INVESTIGATION;
                case NOT_AFFECTED -> VexStatus.NOT_AFFECTED;
                case FALSE_POSITIVE -> {
                    warnings.add(at + "/analysis/state: '" + v.getId() + "' is marked false_positive (the finding"
                            + " itself is wrong); kept as not_affected");
                    yield VexStatus.NOT_AFFECTED;
                }
            };
            VexJustification justification = analysis.getJustification() == null ? null : VexJustification
                    .of(VexJustification.Vocabulary.CYCLONEDX, analysis.getJustification().getJustificationName())
                    .orElse(null);
            if (status == VexStatus.NOT_AFFECTED && justification == null && blank(analysis.getDetail())) {
                warnings.add(at + "/analysis: '" + v.getId() + "' is not_affected without a justification or detail");
            }
            String action = !blank(v.getRecommendation()) ? v.getRecommendation()
                    : !blank(v.getWorkaround()) ? v.getWorkaround() : null;
            Instant time = firstNonNull(instant(analysis.getLastUpdated()), instant(analysis.getFirstIssued()),
                    instant(v.getUpdated()), instant(v.getPublished()), documentTime);
            List<Affect> affects = v.getAffects() == null ? List.of() : v.getAffects();
            if (affects.isEmpty()) {
                warnings.add(at + ": '" + v.getId() + "' names no component in affects[]; skipped");
            }
            for (int j = 0; j < affects.size(); j++) {
                Affect a = affects.get(j);
                String affectAt = at + (json ? "/affects/" + j : "/affects/target[" + (j + 1) + "]");
                String ref = a.getRef();
                String bomRef = bomLinkFragment(ref);
                String purl = purlByRef.get(bomRef);
                String componentRef = bomRef;
                if (purl == null && VexInput.looksLikePurl(bomRef)) {
                    purl = VexInput.purl(bomRef, affectAt + "/ref", warnings);
                    componentRef = purl == null ? bomRef : null;
                }
                out.add(new VexStatement(v.getId(), purl, componentRef, status, justification,
                        blankToNull(analysis.getDetail()), action, fixedIn(a), time));
            }
        }
        return new VexDocument(format, out, warnings);
    }

    /** The first version the affects entry marks unaffected: where the vendor says the fix is. */
    private static String fixedIn(Affect a) {
        if (a.getVersions() == null) {
            return null;
        }
        return a.getVersions().stream()
                .filter(v -> v.getStatus() == Vulnerability.Version.Status.UNAFFECTED && !blank(v.getVersion()))
                .map(Vulnerability.Version::getVersion).findFirst().orElse(null);
    }

    private static void index(List<Component> components, Map<String, String> purlByRef, List<String> warnings) {
        if (components == null) {
            return;
        }
        for (Component c : components) {
            if (c.getBomRef() != null && c.getPurl() != null) {
                String purl = VexInput.purl(c.getPurl(), "component '" + c.getBomRef() + "'", warnings);
                if (purl != null) {
                    purlByRef.put(c.getBomRef(), purl);
                }
            }
            index(c.getComponents(), purlByRef, warnings);
        }
    }

    /** "urn:cdx:serial/1#openssl-3.0.7" → "openssl-3.0.7" (percent-decoded); anything else unchanged. */
    static String bomLinkFragment(String ref) {
        if (ref != null && ref.startsWith("urn:cdx:") && ref.contains("#")) {
            return URLDecoder.decode(ref.substring(ref.indexOf('#') + 1), StandardCharsets.UTF_8);
        }
        return ref;
    }

    private static Problem jsonProblem(ParseException e) {
        String message = e.getMessage() == null ? String.valueOf(e.getCause()) : e.getMessage();
        Matcher m = LEGACY_PATH.matcher(message);
        if (m.matches()) {
            return new Problem(VexInput.pointer(m.group(1)), m.group(2));
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

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
