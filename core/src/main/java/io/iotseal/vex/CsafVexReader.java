package io.iotseal.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.iotseal.vex.VexException.Problem;
import io.iotseal.vex.VexException.Reason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 VEX: {@code document.csaf_version} "2.0" and {@code document.category} "csaf_vex"; validated
 * against the CSAF 2.0 JSON schema, then against the VEX profile's own rules that the schema cannot express
 * (a product tree and vulnerabilities exist, every product id is defined, a vulnerability is identified,
 * known_not_affected has an impact statement, known_affected an action statement). Each product id in a
 * vulnerability's {@code product_status} becomes a statement; the product is resolved through the
 * product tree (branches, full_product_names, relationships "component of a product") to the component's
 * purl ({@code product_identification_helper.purl}).
 */
final class CsafVexReader {

    private static final Map<String, VexStatus> STATUSES = new LinkedHashMap<>();

    static {
        STATUSES.put("known_not_affected", VexStatus.NOT_AFFECTED);
        STATUSES.put("known_affected", VexStatus.AFFECTED);
        STATUSES.put("first_affected", VexStatus.AFFECTED);
        STATUSES.put("last_affected", VexStatus.AFFECTED);
        STATUSES.put("fixed", VexStatus.FIXED);
        STATUSES.put("first_fixed", VexStatus.FIXED);
        STATUSES.put("under_investigation", VexStatus.UNDER_INVESTIGATION);
    }

    /** A product id resolved: the component's purl (or null), its own product id, the version of the product. */
    private record Product(String purl, String ref, String version) {
    }

    private CsafVexReader() {
    }

    static VexDocument read(JsonNode root, JsonSchema schema) {
        JsonNode document = root.path("document");
        String csafVersion = VexInput.text(document, "csaf_version");
        if (!"2.0".equals(csafVersion)) {
            throw VexException.of(Reason.UNSUPPORTED_VERSION, "/document/csaf_version", "CSAF version '" + csafVersion
                    + "' is not supported; use CSAF 2.0");
        }
        String category = VexInput.text(document, "category");
        if (!"csaf_vex".equals(category)) {
            throw VexException.of(Reason.INVALID, "/document/category", "a CSAF document of category '" + category
                    + "' is not a VEX document; the category must be \"csaf_vex\"");
        }
        VexInput.validate(schema, root, "CSAF 2.0");
        List<String> warnings = new ArrayList<>();
        Map<String, Product> products = products(root.path("product_tree"), warnings);
        Map<String, Set<String>> groups = groups(root.path("product_tree"));
        checkProfile(root, products);

        Instant time = VexInput.instant(document.path("tracking").get("current_release_date"));
        List<VexStatement> out = new ArrayList<>();
        JsonNode vulnerabilities = root.path("vulnerabilities");
        for (int i = 0; i < vulnerabilities.size(); i++) {
            JsonNode v = vulnerabilities.get(i);
            String at = "/vulnerabilities/" + i;
            String id = vulnerabilityId(v);
            JsonNode productStatus = v.path("product_status");
            if (productStatus.has("recommended")) {
                warnings.add(at + "/product_status/recommended: a recommendation is not a triage status; ignored");
            }
            for (Map.Entry<String, VexStatus> e : STATUSES.entrySet()) {
                for (JsonNode pid : productStatus.path(e.getKey())) {
                    String productId = pid.asText();
                    Product product = products.get(productId);
                    VexStatus status = e.getValue();
                    String purl = product.purl();
                    out.add(new VexStatement(id, purl, product.ref(), status,
                            status == VexStatus.NOT_AFFECTED ? justification(v, productId, groups) : null,
                            status == VexStatus.NOT_AFFECTED ? impact(v, productId, groups) : null,
                            action(v, productId, groups),
                            status == VexStatus.FIXED ? product.version() : null, time));
                }
            }
        }
        return new VexDocument(VexFormat.CSAF_VEX_JSON, out, warnings);
    }

    // --- product tree -------------------------------------------------------------------------------

    private static Map<String, Product> products(JsonNode tree, List<String> warnings) {
        Map<String, Product> out = new HashMap<>();
        branches(tree.path("branches"), "/product_tree/branches", null, out, warnings);
        JsonNode names = tree.path("full_product_names");
        for (int i = 0; i < names.size(); i++) {
            put(names.get(i), "/product_tree/full_product_names/" + i, null, out, warnings);
        }
        // "openssl 3.0.7 as a component of camera firmware 2.1": the statement is about the component;
        // the version is the product's, where a fix for the component ships.
        JsonNode relationships = tree.path("relationships");
        for (JsonNode r : relationships) {
            Product component = out.get(r.path("product_reference").asText());
            Product parent = out.get(r.path("relates_to_product_reference").asText());
            String id = r.path("full_product_name").path("product_id").asText();
            if (component != null) {
                out.put(id, new Product(component.purl(), component.ref(),
                        parent != null ? parent.version() : component.version()));
            }
        }
        return out;
    }

    private static void branches(JsonNode branches, String at, String version, Map<String, Product> out,
                                 List<String> warnings) {
        for (int i = 0; i < branches.size(); i++) {
            JsonNode b = branches.get(i);
            String here = at + "/" + i;
            String v = "product_version".equals(VexInput.text(b, "category")) ? VexInput.text(b, "name") : version;
            if (b.has("product")) {
                put(b.get("product"), here + "/product", v, out, warnings);
            }
            branches(b.path("branches"), here + "/branches", v, out, warnings);
        }
    }

    private static void put(JsonNode fullProductName, String at, String version, Map<String, Product> out,
                            List<String> warnings) {
        String id = VexInput.text(fullProductName, "product_id");
        String purl = VexInput.purl(VexInput.text(fullProductName.path("product_identification_helper"), "purl"),
                at + "/product_identification_helper/purl", warnings);
        out.put(id, new Product(purl, id, version != null ? version : VexInput.purlVersion(purl)));
    }

    private static Map<String, Set<String>> groups(JsonNode tree) {
        Map<String, Set<String>> out = new HashMap<>();
        for (JsonNode g : tree.path("product_groups")) {
            Set<String> ids = new HashSet<>();
            g.path("product_ids").forEach(p -> ids.add(p.asText()));
            out.put(g.path("group_id").asText(), ids);
        }
        return out;
    }

    // --- the VEX profile -----------------------------------------------------------------------------

    /** The csaf_vex profile's rules beyond the schema, each problem at its JSON pointer. */
    private static void checkProfile(JsonNode root, Map<String, Product> products) {
        List<Problem> problems = new ArrayList<>();
        if (!root.has("product_tree")) {
            problems.add(new Problem("/product_tree", "required in a csaf_vex document"));
        }
        JsonNode vulnerabilities = root.path("vulnerabilities");
        if (!root.has("vulnerabilities")) {
            problems.add(new Problem("/vulnerabilities", "required in a csaf_vex document"));
        }
        Map<String, Set<String>> groups = groups(root.path("product_tree"));
        for (int i = 0; i < vulnerabilities.size(); i++) {
            JsonNode v = vulnerabilities.get(i);
            String at = "/vulnerabilities/" + i;
            if (vulnerabilityId(v) == null) {
                problems.add(new Problem(at, "a vulnerability needs \"cve\" or \"ids\""));
            }
            JsonNode status = v.path("product_status");
            // The schema allows other keys; a misspelt status would silently lose the vendor's triage.
            status.fieldNames().forEachRemaining(key -> {
                if (!STATUSES.containsKey(key) && !key.equals("recommended")) {
                    problems.add(new Problem(at + "/product_status/" + key, "'" + key + "' is not a CSAF product"
                            + " status; use one of " + String.join(", ", STATUSES.keySet()) + " or recommended"));
                }
            });
            if (!status.has("fixed") && !status.has("known_affected") && !status.has("known_not_affected")
                    && !status.has("under_investigation")) {
                problems.add(new Problem(at + "/product_status", "a csaf_vex vulnerability needs at least one of"
                        + " fixed, known_affected, known_not_affected, under_investigation"));
            }
            for (Map.Entry<String, VexStatus> e : STATUSES.entrySet()) {
                JsonNode ids = status.path(e.getKey());
                for (int j = 0; j < ids.size(); j++) {
                    String pid = ids.get(j).asText();
                    String where = at + "/product_status/" + e.getKey() + "/" + j;
                    if (!products.containsKey(pid)) {
                        problems.add(new Problem(where, "product id '" + pid + "' is not defined in the product_tree"));
                    } else if (e.getKey().equals("known_not_affected") && justification(v, pid, groups) == null
                            && impact(v, pid, groups) == null) {
                        problems.add(new Problem(where, "known_not_affected product '" + pid + "' needs an impact"
                                + " statement: a flag (justification label) or a threat of category impact"));
                    } else if (e.getKey().equals("known_affected") && action(v, pid, groups) == null) {
                        problems.add(new Problem(where, "known_affected product '" + pid + "' needs an action"
                                + " statement: a remediation naming it"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new VexException(Reason.INVALID, VexInput.limit(problems));
        }
    }

    // --- per product -------------------------------------------------------------------------------------

    private static String vulnerabilityId(JsonNode v) {
        String cve = VexInput.text(v, "cve");
        if (cve != null) {
            return cve;
        }
        JsonNode ids = v.path("ids");
        return ids.isEmpty() ? null : VexInput.text(ids.get(0), "text");
    }

    private static VexJustification justification(JsonNode v, String pid, Map<String, Set<String>> groups) {
        for (JsonNode flag : v.path("flags")) {
            if (covers(flag, pid, groups)) {
                return VexJustification.of(VexJustification.Vocabulary.OPENVEX_CSAF, flag.path("label").asText())
                        .orElse(null);
            }
        }
        return null;
    }

    private static String impact(JsonNode v, String pid, Map<String, Set<String>> groups) {
        return joined(v.path("threats"), "impact", pid, groups);
    }

    /** Remediations naming the product (vendor_fix, workaround, mitigation, no_fix_planned, none_available). */
    private static String action(JsonNode v, String pid, Map<String, Set<String>> groups) {
        return joined(v.path("remediations"), null, pid, groups);
    }

    private static String joined(JsonNode items, String category, String pid, Map<String, Set<String>> groups) {
        Set<String> details = new LinkedHashSet<>();
        for (JsonNode item : items) {
            if ((category == null || category.equals(VexInput.text(item, "category"))) && covers(item, pid, groups)) {
                String d = VexInput.text(item, "details");
                if (d != null) {
                    details.add(d);
                }
            }
        }
        return details.isEmpty() ? null : String.join("\n", details);
    }

    private static boolean covers(JsonNode item, String pid, Map<String, Set<String>> groups) {
        for (JsonNode p : item.path("product_ids")) {
            if (pid.equals(p.asText())) {
                return true;
            }
        }
        for (JsonNode g : item.path("group_ids")) {
            if (groups.getOrDefault(g.asText(), Set.of()).contains(pid)) {
                return true;
            }
        }
        return false;
    }
}
