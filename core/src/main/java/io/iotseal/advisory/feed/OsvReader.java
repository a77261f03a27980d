package io.iotseal.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisorySource;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.AffectedRange;
import io.iotseal.advisory.RangeEvent;
import io.iotseal.advisory.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One OSV record (osv.dev schema) → one {@link Advisory}. {@code id} and {@code modified} are required (as in
 * the schema); a {@code withdrawn} date makes it withdrawn. Severities come from the CVSS entries of
 * {@code severity[]} (record and package level); ecosystem or database specific severities are not CVSS and
 * are left out. Unknown fields are ignored: the schema grows.
 */
final class OsvReader {

    private OsvReader() {
    }

    static void read(String file, byte[] content, BatchBuilder out) throws FeedException {
        JsonNode root = FeedJson.read(file, content);
        FeedJson.expect(FeedKind.OSV, file, root);
        String id = FeedJson.required(file, root, "", "id");
        Instant modified = FeedJson.requiredTime(file, root, "", "modified");
        Instant published = FeedJson.time(file, root, "", "published");
        boolean withdrawn = FeedJson.time(file, root, "", "withdrawn") != null;

        Set<Severity> severities = new LinkedHashSet<>();
        severities(root.path("severity"), severities);
        List<AffectedPackage> packages = new ArrayList<>();
        JsonNode affected = root.path("affected");
        for (int i = 0; i < affected.size(); i++) {
            JsonNode a = affected.get(i);
            severities(a.path("severity"), severities);
            AffectedPackage p = affectedPackage(file, id, "/affected/" + i, a, out);
            if (p != null) {
                packages.add(p);
            }
        }
        List<String> references = new ArrayList<>();
        for (JsonNode r : root.path("references")) {
            String url = FeedJson.text(r, "url");
            if (url != null) {
                references.add(url);
            }
        }
        String summary = FeedJson.text(root, "summary");
        // A distribution's record (DEBIAN-CVE-…, UBUNTU-CVE-…) names the CVE it tracks in "upstream", not in
        // "aliases"; it is the same vulnerability to a vendor triaging it, so it is kept among the aliases.
        List<String> ids = new ArrayList<>(FeedJson.texts(root, "aliases"));
        ids.addAll(FeedJson.texts(root, "upstream"));
        out.add(new Advisory(id, AdvisorySource.OSV, Ids.cveFirst(id, ids),
                summary == null ? "" : summary, published, modified, withdrawn, List.copyOf(severities), packages,
                List.of(), references));
    }

    private static void severities(JsonNode list, Set<Severity> out) {
        for (JsonNode s : list) {
            String type = FeedJson.text(s, "type");
            String score = FeedJson.text(s, "score");
            if (type != null && type.startsWith("CVSS_") && score != null) {
                out.add(new Severity(type, score));
            }
        }
    }

    private static AffectedPackage affectedPackage(String file, String id, String at, JsonNode a, BatchBuilder out)
            throws FeedException {
        JsonNode pkg = a.path("package");
        if (pkg.isMissingNode()) {
            return null; // the schema allows affected entries without a package (e.g. only ranges of a GIT repo)
        }
        String ecosystem = FeedJson.required(file, pkg, at + "/package", "ecosystem");
        String name = FeedJson.required(file, pkg, at + "/package", "name");
        String purl = null;
        String given = FeedJson.text(pkg, "purl");
        if (given != null) {
            try {
                purl = OsvPurls.strip(given);
            } catch (MalformedPackageURLException e) {
                out.warn(file + " " + at + "/package/purl", id + ": '" + given + "' is not a valid package URL ("
                        + e.getMessage() + "); building one from the ecosystem instead");
            }
        }
        if (purl == null) {
            try {
                purl = OsvPurls.fromEcosystem(ecosystem, name);
            } catch (MalformedPackageURLException e) {
                out.warn(file + " " + at + "/package", id + ": " + ecosystem + " package '" + name
                        + "' cannot be named by a package URL (" + e.getMessage() + "); it is skipped");
                return null;
            }
            if (purl == null) {
                out.warn(file + " " + at + "/package", id + ": ecosystem '" + ecosystem + "' has no package URL type"
                        + " and the record gives no purl; package '" + name + "' is skipped");
                return null;
            }
        }
        List<AffectedRange> ranges = new ArrayList<>();
        JsonNode rs = a.path("ranges");
        for (int r = 0; r < rs.size(); r++) {
            JsonNode range = rs.get(r);
            String type = FeedJson.required(file, range, at + "/ranges/" + r, "type");
            List<RangeEvent> events = new ArrayList<>();
            JsonNode es = range.path("events");
            for (int e = 0; e < es.size(); e++) {
                RangeEvent event = event(es.get(e));
                if (event == null) {
                    throw new FeedException(file + " " + at + "/ranges/" + r + "/events/" + e, "an event must have one of"
                            + " \"introduced\", \"fixed\", \"last_affected\" or \"limit\" with a version");
                }
                events.add(event);
            }
            ranges.add(new AffectedRange(type, events));
        }
        return new AffectedPackage(purl, ecosystem, ranges, FeedJson.texts(a, "versions"));
    }

    private static RangeEvent event(JsonNode e) {
        for (RangeEvent.Kind kind : RangeEvent.Kind.values()) {
            String v = FeedJson.text(e, kind.name().toLowerCase(java.util.Locale.ROOT));
            if (v != null) {
                return new RangeEvent(kind, v);
            }
        }
        return null;
    }
}
