package io.iotseal.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisorySource;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An NVD CVE API 2.0 document ({@code vulnerabilities[].cve}) → advisories with CVSS vectors and CPE
 * applicability. {@code id} and {@code lastModified} are required; {@code vulnStatus} "Rejected" makes the
 * advisory withdrawn. CPE statements are the {@code cpeMatch} entries marked {@code vulnerable} in nodes that
 * are not negated; an AND configuration ("firmware X running on hardware Y") is flattened to its vulnerable
 * parts, which is why CPE matches are of lower confidence (ADR 0092).
 */
final class NvdReader {

    /** NVD's metric keys, newest CVSS version first, and the OSV severity type each maps to. */
    private static final String[][] METRICS = {
            {"cvssMetricV40", "CVSS_V4"}, {"cvssMetricV31", "CVSS_V3"}, {"cvssMetricV30", "CVSS_V3"}, {"cvssMetricV2", "CVSS_V2"}};

    private NvdReader() {
    }

    static void read(String file, byte[] content, BatchBuilder out) throws FeedException {
        // NVD's yearly 2.0 feeds run to hundreds of MiB: one record at a time, never the whole tree
        JsonNode root = FeedJson.streamArray(FeedKind.NVD, file, content, "vulnerabilities", (i, element) -> {
            String at = "/vulnerabilities/" + i + "/cve";
            JsonNode cve = element.get("cve");
            if (cve == null || !cve.isObject()) {
                throw new FeedException(file + " " + at, "required: each vulnerability holds its CVE record in \"cve\"");
            }
            out.add(advisory(file, at, cve));
        });
        if (!root.path("vulnerabilities").isArray()) {
            throw new FeedException(file + " /vulnerabilities", "required: an array of {\"cve\": {...}}");
        }
    }

    private static Advisory advisory(String file, String at, JsonNode cve) throws FeedException {
        String id = FeedJson.required(file, cve, at, "id");
        Instant modified = FeedJson.requiredTime(file, cve, at, "lastModified");
        Instant published = FeedJson.time(file, cve, at, "published");
        boolean rejected = "Rejected".equalsIgnoreCase(FeedJson.text(cve, "vulnStatus"));

        Set<Severity> severities = new LinkedHashSet<>();
        for (String[] metric : METRICS) {
            // the NVD's own ("Primary") score before the CNA's ("Secondary")
            for (String wanted : new String[]{"Primary", null}) {
                for (JsonNode m : cve.path("metrics").path(metric[0])) {
                    String vector = FeedJson.text(m.path("cvssData"), "vectorString");
                    if (vector != null && (wanted == null || wanted.equals(FeedJson.text(m, "type")))) {
                        severities.add(new Severity(metric[1], vector));
                    }
                }
            }
        }
        Set<AffectedCpe> cpes = new LinkedHashSet<>();
        JsonNode configurations = cve.path("configurations");
        for (int c = 0; c < configurations.size(); c++) {
            JsonNode nodes = configurations.get(c).path("nodes");
            for (int n = 0; n < nodes.size(); n++) {
                JsonNode node = nodes.get(n);
                if (node.path("negate").asBoolean(false)) {
                    continue; // "NOT these": exclusions, never affected platforms
                }
                JsonNode matches = node.path("cpeMatch");
                for (int m = 0; m < matches.size(); m++) {
                    JsonNode match = matches.get(m);
                    if (match.path("vulnerable").asBoolean(false)) {
                        String criteria = FeedJson.required(file, match,
                                at + "/configurations/" + c + "/nodes/" + n + "/cpeMatch/" + m, "criteria");
                        cpes.add(new AffectedCpe(criteria, FeedJson.text(match, "versionStartIncluding"),
                                FeedJson.text(match, "versionStartExcluding"), FeedJson.text(match, "versionEndIncluding"),
                                FeedJson.text(match, "versionEndExcluding")));
                    }
                }
            }
        }
        List<String> references = new ArrayList<>();
        for (JsonNode r : cve.path("references")) {
            String url = FeedJson.text(r, "url");
            if (url != null && !references.contains(url)) {
                references.add(url);
            }
        }
        return new Advisory(id, AdvisorySource.NVD, List.of(), description(cve), published, modified, rejected,
                List.copyOf(severities), List.of(), List.copyOf(cpes), references);
    }

    /** The English description, else the first one, else empty. */
    private static String description(JsonNode cve) {
        String first = null;
        for (JsonNode d : cve.path("descriptions")) {
            String value = FeedJson.text(d, "value");
            if (value != null && "en".equals(FeedJson.text(d, "lang"))) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first == null ? "" : first;
    }
}
