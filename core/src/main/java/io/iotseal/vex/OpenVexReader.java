package io.iotseal.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.iotseal.vex.VexException.Reason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OpenVEX 0.2.0: the {@code @context} must name the 0.2.0 namespace; the document is validated against the
 * official OpenVEX JSON schema; each statement becomes one {@link VexStatement} per product, or per
 * subcomponent where a product lists subcomponents (the statement is then about those components inside
 * the product). A product or subcomponent is identified by {@code identifiers.purl}, else by an
 * {@code @id} that is a purl; any other {@code @id} is kept as the reference.
 */
final class OpenVexReader {

    static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";

    private OpenVexReader() {
    }

    static VexDocument read(JsonNode root, JsonSchema schema) {
        String context = VexInput.text(root, "@context");
        if (!CONTEXT.equals(context)) {
            throw VexException.of(Reason.UNSUPPORTED_VERSION, "/@context", "OpenVEX context '" + context
                    + "' is not supported; use OpenVEX 0.2.0 (\"@context\": \"" + CONTEXT + "\")");
        }
        VexInput.validate(schema, root, "OpenVEX 0.2.0");
        List<String> warnings = new ArrayList<>();
        List<VexStatement> out = new ArrayList<>();
        Instant documentTime = firstNonNull(VexInput.instant(root.get("last_updated")), VexInput.instant(root.get("timestamp")));
        JsonNode statements = root.get("statements");
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String at = "/statements/" + i;
            String vulnerability = VexInput.text(s.get("vulnerability"), "name");
            VexStatus status = VexStatus.valueOf(s.get("status").asText().toUpperCase(Locale.ROOT));
            VexJustification justification = VexInput.text(s, "justification") == null ? null
                    : VexJustification.of(VexJustification.Vocabulary.OPENVEX_CSAF, VexInput.text(s, "justification"))
                    .orElseThrow();
            Instant time = firstNonNull(VexInput.instant(s.get("last_updated")), VexInput.instant(s.get("timestamp")),
                    documentTime);
            String impact = VexInput.text(s, "impact_statement");
            String action = VexInput.text(s, "action_statement");
            JsonNode products = s.get("products");
            if (vulnerability == null) {
                warnings.add(at + "/vulnerability/name: empty vulnerability name; skipped");
                continue;
            }
            if (products == null || products.isEmpty()) {
                warnings.add(at + "/products: '" + vulnerability + "' names no product; skipped");
                continue;
            }
            for (int p = 0; p < products.size(); p++) {
                JsonNode product = products.get(p);
                String productAt = at + "/products/" + p;
                String[] productId = identity(product, productAt, warnings);
                // "fixed" names the product versions containing the fix: the product's own version.
                String fixedIn = status == VexStatus.FIXED ? VexInput.purlVersion(productId[0]) : null;
                JsonNode subs = product.get("subcomponents");
                if (subs == null || subs.isEmpty()) {
                    out.add(statement(vulnerability, productId, status, justification, impact, action, fixedIn, time));
                    continue;
                }
                for (int c = 0; c < subs.size(); c++) {
                    String[] sub = identity(subs.get(c), productAt + "/subcomponents/" + c, warnings);
                    out.add(statement(vulnerability, sub, status, justification, impact, action, fixedIn, time));
                }
            }
        }
        return new VexDocument(VexFormat.OPENVEX_JSON, out, warnings);
    }

    private static VexStatement statement(String vulnerability, String[] component, VexStatus status,
                                          VexJustification justification, String impact, String action,
                                          String fixedIn, Instant time) {
        return new VexStatement(vulnerability, component[0], component[1], status, justification, impact, action,
                fixedIn, time);
    }

    /** {purl, ref} of a product or subcomponent (the schema ensures it has an @id or identifiers). */
    private static String[] identity(JsonNode component, String at, List<String> warnings) {
        String id = VexInput.text(component, "@id");
        String identified = VexInput.text(component.get("identifiers"), "purl");
        String purl = null;
        if (identified != null) {
            purl = VexInput.purl(identified, at + "/identifiers/purl", warnings);
        } else if (VexInput.looksLikePurl(id)) {
            purl = VexInput.purl(id, at + "/@id", warnings);
        }
        String ref = id != null && !(VexInput.looksLikePurl(id) && purl != null) ? id : null;
        if (purl == null && ref == null) {
            // Only CPE identifiers: kept as the reference, which no SBOM purl will match.
            JsonNode ids = component.get("identifiers");
            ref = VexInput.text(ids, "cpe23") != null ? VexInput.text(ids, "cpe23") : VexInput.text(ids, "cpe22");
            warnings.add(at + ": identified by CPE only ('" + ref + "'); it cannot be linked to an SBOM component"
                    + " by package URL");
        }
        return new String[] {purl, ref};
    }

    private static Instant firstNonNull(Instant... values) {
        for (Instant v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
