package io.iotseal.advisory.feed;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisorySource;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.Severity;
import org.w3c.dom.Element;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JVN iPedia XML from MyJVN → advisories with CPE applicability, in both forms an operator can mirror:
 * <ul>
 *   <li>{@code getVulnOverviewList}: RSS 1.0 ({@code rdf:RDF}), one {@code item} per JVNDB entry with
 *       {@code sec:identifier}, {@code sec:references} (CVE ids), {@code sec:cpe}, {@code sec:cvss},
 *       {@code dcterms:issued} and {@code dcterms:modified}. Its CPEs carry no version, so they only become
 *       statements when they do (otherwise a warning): the detail form is the one to import for matching.</li>
 *   <li>{@code getVulnDetailInfo}: VULDEF ({@code VULDEF-Document/Vulinfo}) with {@code VulinfoID},
 *       {@code Affected/AffectedItem} (CPE and version texts), {@code Impact/Cvss}, {@code Related/RelatedItem}
 *       (CVE ids) and {@code DateFirstPublished}/{@code DateLastUpdated}.</li>
 * </ul>
 * The identifier and the last-modified date are required. Locations are XML paths such as
 * {@code /rdf:RDF/item[2]/sec:identifier}.
 */
final class JvnReader {

    private JvnReader() {
    }

    static void read(String file, byte[] content, BatchBuilder out) throws FeedException {
        Element root = FeedXml.read(file, content).getDocumentElement();
        Element status = FeedXml.child(root, "Status");
        if (status != null && "1".equals(FeedXml.attribute(status, "retCd"))) {
            throw new FeedException(file + " /" + root.getTagName() + "/status:Status", "this is a MyJVN error answer, not"
                    + " data: " + FeedXml.attribute(status, "errCd") + " " + FeedXml.attribute(status, "errMsg"));
        }
        switch (root.getLocalName()) {
            case "RDF" -> overview(file, root, out);
            case "VULDEF-Document" -> detail(file, root, out);
            default -> throw new FeedException(file + " /" + root.getTagName(), "expected " + FeedKind.JVN.expected()
                    + "; found <" + root.getTagName() + ">");
        }
    }

    // --- getVulnOverviewList (RSS 1.0) ----------------------------------------------------------------

    private static void overview(String file, Element root, BatchBuilder out) throws FeedException {
        List<Element> items = FeedXml.children(root, "item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String at = file + " /rdf:RDF/item[" + (i + 1) + "]";
            String id = required(item, "identifier", at + "/sec:identifier");
            Instant modified = time(item, "modified", at + "/dcterms:modified", true);
            Instant published = time(item, "issued", at + "/dcterms:issued", false);
            if (published == null) {
                published = time(item, "date", at + "/dc:date", false);
            }
            List<String> ids = new ArrayList<>();
            Set<String> references = new LinkedHashSet<>();
            addIfPresent(references, FeedXml.text(item, "link"));
            for (Element r : FeedXml.children(item, "references")) {
                String refId = FeedXml.attribute(r, "id");
                String source = FeedXml.attribute(r, "source");
                if (refId != null && (Ids.CVE.matcher(refId).matches() || "JVN".equals(source) || refId.startsWith("JVN"))) {
                    ids.add(refId);
                }
                addIfPresent(references, FeedXml.text(r));
            }
            Set<AffectedCpe> cpes = new LinkedHashSet<>();
            for (Element c : FeedXml.children(item, "cpe")) {
                cpes.addAll(cpe(FeedXml.text(c), List.of(), id, at + "/sec:cpe", out));
            }
            Set<Severity> severities = new LinkedHashSet<>();
            for (Element c : FeedXml.children(item, "cvss")) {
                String type = FeedXml.attribute(c, "type");
                if (type == null || type.equals("Base")) {
                    addSeverity(severities, FeedXml.attribute(c, "version"), FeedXml.attribute(c, "vector"));
                }
            }
            String title = FeedXml.text(item, "title");
            out.add(new Advisory(id, AdvisorySource.JVN, Ids.cveFirst(id, ids), title == null ? "" : title, published,
                    modified, false, List.copyOf(severities), List.of(), List.copyOf(cpes), List.copyOf(references)));
        }
    }

    // --- getVulnDetailInfo (VULDEF) -------------------------------------------------------------------

    private static void detail(String file, Element root, BatchBuilder out) throws FeedException {
        List<Element> infos = FeedXml.children(root, "Vulinfo");
        for (int i = 0; i < infos.size(); i++) {
            Element info = infos.get(i);
            String at = file + " /VULDEF-Document/Vulinfo[" + (i + 1) + "]";
            String id = required(info, "VulinfoID", at + "/VulinfoID");
            Element data = FeedXml.child(info, "VulinfoData");
            if (data == null) {
                throw new FeedException(at + "/VulinfoData", "required by VULDEF but missing");
            }
            String dataAt = at + "/VulinfoData";
            Instant modified = time(data, "DateLastUpdated", dataAt + "/DateLastUpdated", true);
            Instant published = time(data, "DateFirstPublished", dataAt + "/DateFirstPublished", false);

            Set<AffectedCpe> cpes = new LinkedHashSet<>();
            Element affected = FeedXml.child(data, "Affected");
            List<Element> items = affected == null ? List.of() : FeedXml.children(affected, "AffectedItem");
            for (int a = 0; a < items.size(); a++) {
                Element item = items.get(a);
                String itemAt = dataAt + "/Affected/AffectedItem[" + (a + 1) + "]";
                List<String> versions = new ArrayList<>();
                for (Element v : FeedXml.children(item, "VersionNumber")) {
                    addIfPresent(versions, FeedXml.text(v));
                }
                String cpe = FeedXml.text(item, "Cpe");
                if (cpe == null) {
                    out.warn(itemAt, id + ": '" + FeedXml.text(item, "Name") + " " + FeedXml.text(item, "ProductName")
                            + "' has no CPE, so it cannot be matched");
                    continue;
                }
                cpes.addAll(cpe(cpe, versions, id, itemAt + "/Cpe", out));
            }
            Set<Severity> severities = new LinkedHashSet<>();
            Element impact = FeedXml.child(data, "Impact");
            for (Element c : impact == null ? List.<Element>of() : FeedXml.children(impact, "Cvss")) {
                addSeverity(severities, FeedXml.attribute(c, "version"), FeedXml.text(c, "Vector"));
            }
            List<String> ids = new ArrayList<>();
            Set<String> references = new LinkedHashSet<>();
            Element related = FeedXml.child(data, "Related");
            for (Element r : related == null ? List.<Element>of() : FeedXml.children(related, "RelatedItem")) {
                String refId = FeedXml.text(r, "VulinfoID");
                if (refId != null && (Ids.CVE.matcher(refId).matches() || refId.startsWith("JVN"))) {
                    ids.add(refId); // the CVE and JVN's own advisory ids (JVN#, JVNVU#), as the overview lists them
                }
                if (!"cwe".equals(FeedXml.attribute(r, "type"))) {
                    addIfPresent(references, FeedXml.text(r, "URL"));
                }
            }
            String title = FeedXml.text(data, "Title");
            out.add(new Advisory(id, AdvisorySource.JVN, Ids.cveFirst(id, ids), title == null ? "" : title, published,
                    modified, false, List.copyOf(severities), List.of(), List.copyOf(cpes), List.copyOf(references)));
        }
    }

    // --- shared -----------------------------------------------------------------------------------------

    private static List<AffectedCpe> cpe(String text, List<String> versions, String id, String at, BatchBuilder out) {
        if (text == null) {
            return List.of();
        }
        Cpe cpe;
        try {
            cpe = JvnVersions.parse(text);
        } catch (CpeParsingException e) {
            out.warn(at, id + ": '" + text + "' is not a CPE (" + e.getMessage() + "); it is not matched");
            return List.of();
        }
        return JvnVersions.affected(cpe, versions, message -> out.warn(at, id + ": " + message));
    }

    /** JVN states CVSS by version number; the model names them as OSV does. */
    private static void addSeverity(Set<Severity> out, String version, String vector) {
        if (version == null || vector == null) {
            return;
        }
        String type = switch (version) {
            case "2.0", "2" -> "CVSS_V2";
            case "3.0", "3.1" -> "CVSS_V3";
            case "4.0" -> "CVSS_V4";
            default -> null;
        };
        if (type != null) {
            out.add(new Severity(type, vector));
        }
    }

    private static String required(Element parent, String localName, String at) throws FeedException {
        String v = FeedXml.text(parent, localName);
        if (v == null) {
            throw new FeedException(at, "required by the feed's schema but missing");
        }
        return v;
    }

    private static Instant time(Element parent, String localName, String at, boolean required) throws FeedException {
        String v = required ? required(parent, localName, at) : FeedXml.text(parent, localName);
        if (v == null) {
            return null;
        }
        try {
            return FeedTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new FeedException(at, "'" + v + "' is not a timestamp (e.g. 2024-01-10T12:00+09:00)");
        }
    }

    private static <T> void addIfPresent(java.util.Collection<T> out, T value) {
        if (value != null && !out.contains(value)) {
            out.add(value);
        }
    }
}
