package io.iotseal.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.iotseal.csaf.CsafAdvisory.Flag;
import io.iotseal.csaf.CsafAdvisory.Product;
import io.iotseal.csaf.CsafAdvisory.Reference;
import io.iotseal.csaf.CsafAdvisory.Remediation;
import io.iotseal.csaf.CsafAdvisory.Revision;
import io.iotseal.csaf.CsafAdvisory.Vulnerability;
import io.iotseal.json.JsonMappers;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link CsafAdvisory} as a CSAF 2.0 document (ADR 0098). The advisory is checked first
 * ({@link CsafAdvisoryRules}); the output has every object's keys in alphabetical order (the CSAF optional
 * test 6.2.13 "Sorting"), products in vendor, name, version order, and dates in whole seconds UTC, so the
 * same advisory always gives the same bytes and so the same hash and signature.
 */
public final class CsafWriter {

    /** The generator engine named in {@code /document/tracking/generator}. */
    static final String ENGINE = "IoTSeal";
    /** CSAF 2.0's default TLP reference. */
    static final String TLP_URL = "https://www.first.org/tlp/";

    private static final ObjectMapper MAPPER = JsonMappers.pretty();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CsafWriter() {
    }

    /**
     * The CSAF document of {@code advisory}. With a {@code directoryUrl} (the provider's TLP:WHITE folder, ending
     * in a slash), the document names its own canonical URL there as a {@code self} reference (CSAF optional
     * test 6.2.11).
     */
    public static CsafDocument write(CsafAdvisory advisory, URI directoryUrl) {
        CsafAdvisoryRules.check(advisory);
        String fileName = CsafFileName.of(advisory.trackingId());
        int year = advisory.initialReleaseDate().atZone(ZoneOffset.UTC).getYear();
        ObjectNode root = NODES.objectNode();
        root.set("document", document(advisory, directoryUrl == null ? null
                : directoryUrl.resolve(year + "/" + fileName)));
        root.set("product_tree", productTree(advisory.products()));
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (Vulnerability v : advisory.vulnerabilities()) {
            vulnerabilities.add(vulnerability(v));
        }
        try {
            String json = MAPPER.writeValueAsString(sorted(root));
            return new CsafDocument(advisory.trackingId(), fileName, year, seconds(advisory.currentReleaseDate()), json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode document(CsafAdvisory a, URI canonical) {
        ObjectNode document = NODES.objectNode();
        document.put("category", a.profile().category());
        document.put("csaf_version", "2.0");
        ObjectNode tlp = document.putObject("distribution").putObject("tlp");
        tlp.put("label", "WHITE");
        tlp.put("url", TLP_URL);
        document.put("lang", a.language());
        ObjectNode summary = document.putArray("notes").addObject();
        summary.put("category", "summary");
        summary.put("text", a.summary());
        summary.put("title", "Summary");
        ObjectNode publisher = document.putObject("publisher");
        publisher.put("category", a.publisher().category().name().toLowerCase(Locale.ROOT));
        if (a.publisher().contactDetails() != null && !a.publisher().contactDetails().isBlank()) {
            publisher.put("contact_details", a.publisher().contactDetails());
        }
        publisher.put("name", a.publisher().name());
        publisher.put("namespace", a.publisher().namespace().toString());
        List<ObjectNode> references = new ArrayList<>();
        if (canonical != null) {
            references.add(reference(canonical, "Canonical URL", "self"));
        }
        for (Reference r : a.references()) {
            references.add(reference(r.url(), r.summary(), "external"));
        }
        if (!references.isEmpty()) {
            document.putArray("references").addAll(references);
        }
        document.put("title", a.title());
        ObjectNode tracking = document.putObject("tracking");
        tracking.put("current_release_date", date(a.currentReleaseDate()));
        ObjectNode generator = tracking.putObject("generator");
        generator.put("date", date(a.currentReleaseDate()));
        generator.putObject("engine").put("name", ENGINE);
        tracking.put("id", a.trackingId());
        tracking.put("initial_release_date", date(a.initialReleaseDate()));
        ArrayNode history = tracking.putArray("revision_history");
        for (Revision r : a.revisions()) {
            ObjectNode entry = history.addObject();
            entry.put("date", date(r.date()));
            entry.put("number", Integer.toString(r.number()));
            entry.put("summary", r.summary());
        }
        tracking.put("status", "final");
        tracking.put("version", Integer.toString(a.revisions().get(a.revisions().size() - 1).number()));
        return document;
    }

    private static ObjectNode reference(URI url, String summary, String category) {
        ObjectNode reference = NODES.objectNode();
        reference.put("category", category);
        reference.put("summary", summary);
        reference.put("url", url.toString());
        return reference;
    }

    /** Branches vendor → product name → product version, each level in alphabetical order. */
    private static ObjectNode productTree(List<Product> products) {
        Map<String, Map<String, Map<String, Product>>> tree = new TreeMap<>();
        for (Product p : products) {
            tree.computeIfAbsent(p.vendor(), k -> new TreeMap<>()).computeIfAbsent(p.name(), k -> new TreeMap<>())
                    .put(p.version(), p);
        }
        ObjectNode root = NODES.objectNode();
        ArrayNode vendors = root.putArray("branches");
        tree.forEach((vendor, names) -> {
            ArrayNode nameBranches = branch(vendors, "vendor", vendor);
            names.forEach((name, versions) -> {
                ArrayNode versionBranches = branch(nameBranches, "product_name", name);
                versions.forEach((version, p) -> {
                    ObjectNode leaf = versionBranches.addObject();
                    leaf.put("category", "product_version");
                    leaf.put("name", version);
                    ObjectNode product = leaf.putObject("product");
                    product.put("name", p.vendor() + " " + p.name() + " " + p.version());
                    product.put("product_id", p.id());
                    if (present(p.purl()) || present(p.cpe())) {
                        ObjectNode helper = product.putObject("product_identification_helper");
                        if (present(p.cpe())) {
                            helper.put("cpe", p.cpe());
                        }
                        if (present(p.purl())) {
                            helper.put("purl", p.purl());
                        }
                    }
                });
            });
        });
        return root;
    }

    private static ArrayNode branch(ArrayNode parent, String category, String name) {
        ObjectNode branch = parent.addObject();
        branch.put("category", category);
        branch.put("name", name);
        return branch.putArray("branches");
    }

    private static ObjectNode vulnerability(Vulnerability v) {
        ObjectNode node = NODES.objectNode();
        if (present(v.cve())) {
            node.put("cve", v.cve());
        }
        if (v.cwe() != null) {
            node.putObject("cwe").put("id", v.cwe().id()).put("name", v.cwe().name());
        }
        if (!v.flags().isEmpty()) {
            ArrayNode flags = node.putArray("flags");
            for (Flag f : v.flags()) {
                ObjectNode flag = flags.addObject();
                flag.put("label", f.label().name().toLowerCase(Locale.ROOT));
                ids(flag.putArray("product_ids"), f.productIds());
            }
        }
        if (v.otherId() != null) {
            ObjectNode id = node.putArray("ids").addObject();
            id.put("system_name", v.otherId().systemName());
            id.put("text", v.otherId().text());
        }
        ObjectNode description = node.putArray("notes").addObject();
        description.put("category", "description");
        description.put("text", v.description());
        description.put("title", "Description");
        ObjectNode status = node.putObject("product_status");
        putIds(status, "fixed", v.fixed());
        putIds(status, "known_affected", v.knownAffected());
        putIds(status, "known_not_affected", v.knownNotAffected());
        if (!v.remediations().isEmpty()) {
            ArrayNode remediations = node.putArray("remediations");
            for (Remediation r : v.remediations()) {
                ObjectNode remediation = remediations.addObject();
                remediation.put("category", r.category().name().toLowerCase(Locale.ROOT));
                remediation.put("details", r.details());
                ids(remediation.putArray("product_ids"), r.productIds());
                if (r.url() != null) {
                    remediation.put("url", r.url().toString());
                }
            }
        }
        if (present(v.cvssV3Vector())) {
            CvssV3Score score = CvssV3Score.of(v.cvssV3Vector());
            ObjectNode scoreNode = node.putArray("scores").addObject();
            ObjectNode cvss = scoreNode.putObject("cvss_v3");
            cvss.put("baseScore", score.baseScore());
            cvss.put("baseSeverity", score.baseSeverity());
            cvss.put("vectorString", score.vector());
            cvss.put("version", score.version());
            ids(scoreNode.putArray("products"), v.knownAffected());
        }
        node.put("title", v.title());
        return node;
    }

    private static void putIds(ObjectNode status, String field, List<String> ids) {
        if (!ids.isEmpty()) {
            ids(status.putArray(field), ids);
        }
    }

    /** Product ids in sorted order, each once. */
    private static void ids(ArrayNode array, List<String> ids) {
        ids.stream().distinct().sorted().forEach(array::add);
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(seconds(instant));
    }

    /** A copy of {@code node} with every object's keys in alphabetical order (arrays keep their order). */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
