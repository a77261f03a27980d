package io.iotseal.csaf;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.iotseal.csaf.CsafAdvisory.Flag;
import io.iotseal.csaf.CsafAdvisory.Product;
import io.iotseal.csaf.CsafAdvisory.Remediation;
import io.iotseal.csaf.CsafAdvisory.Revision;
import io.iotseal.csaf.CsafAdvisory.Vulnerability;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks {@link CsafWriter} makes before writing: what the CSAF 2.0 schema and mandatory tests would
 * refuse, said in terms of the {@link CsafAdvisory} field (so a caller learns which of its values is wrong, not
 * which JSON pointer). Each rule names the CSAF test it anticipates. The reference validator still runs over
 * the output in the tests; these checks only make the failure early and readable.
 */
final class CsafAdvisoryRules {

    // Patterns of the CSAF 2.0 schema (cve, cwe id, tracking id) and a plain BCP 47 shape for lang.
    private static final Pattern CVE = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");
    private static final Pattern CWE = Pattern.compile("^CWE-[1-9]\\d{0,5}$");
    private static final Pattern NO_OUTER_SPACE = Pattern.compile("^\\S(.*\\S)?$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    private CsafAdvisoryRules() {
    }

    static void check(CsafAdvisory a) {
        require(a.profile() != null, "profile", "is missing");
        require(a.publisher() != null && a.publisher().category() != null, "publisher.category", "is missing");
        text(a.publisher().name(), "publisher.name");
        url(a.publisher().namespace(), "publisher.namespace");
        text(a.trackingId(), "trackingId");
        require(NO_OUTER_SPACE.matcher(a.trackingId()).matches(), "trackingId", "must not start or end with white space");
        text(a.title(), "title");
        require(a.language() != null && LANGUAGE.matcher(a.language()).matches(), "language",
                "must be a language tag such as en or ja");
        text(a.summary(), "summary");
        require(a.initialReleaseDate() != null, "initialReleaseDate", "is missing");
        require(a.currentReleaseDate() != null, "currentReleaseDate", "is missing");
        require(!a.currentReleaseDate().isBefore(a.initialReleaseDate()), "currentReleaseDate",
                "must not be before initialReleaseDate");
        revisions(a);
        Set<String> productIds = products(a.products());
        require(!a.vulnerabilities().isEmpty(), "vulnerabilities", "needs at least one (CSAF test 6.1.27.3)");
        Set<String> cves = new HashSet<>();
        for (int i = 0; i < a.vulnerabilities().size(); i++) {
            vulnerability(a.profile(), a.vulnerabilities().get(i), "vulnerabilities[" + i + "]", productIds, cves);
        }
        for (int i = 0; i < a.references().size(); i++) {
            require(a.references().get(i) != null, "references[" + i + "]", "is missing");
            url(a.references().get(i).url(), "references[" + i + "].url");
            text(a.references().get(i).summary(), "references[" + i + "].summary");
        }
    }

    /** Numbered 1, 2, 3... in order of their dates, none after the current release (tests 6.1.14, 6.1.21). */
    private static void revisions(CsafAdvisory a) {
        require(!a.revisions().isEmpty(), "revisions", "needs at least one entry");
        Instant previous = null;
        for (int i = 0; i < a.revisions().size(); i++) {
            Revision r = a.revisions().get(i);
            String field = "revisions[" + i + "]";
            require(r != null && r.date() != null, field + ".date", "is missing");
            require(r.number() == i + 1, field + ".number", "must be " + (i + 1) + ": revisions are numbered 1, 2, 3..."
                    + " in order");
            text(r.summary(), field + ".summary");
            require(previous == null || !r.date().isBefore(previous), field + ".date",
                    "must not be before the previous revision's date");
            require(!r.date().isAfter(a.currentReleaseDate()), field + ".date", "must not be after currentReleaseDate");
            previous = r.date();
        }
    }

    private static Set<String> products(List<Product> products) {
        require(!products.isEmpty(), "products", "needs at least one product (CSAF test 6.1.27.4)");
        Set<String> ids = new HashSet<>();
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            String field = "products[" + i + "]";
            require(p != null, field, "is missing");
            text(p.id(), field + ".id");
            text(p.vendor(), field + ".vendor");
            text(p.name(), field + ".name");
            text(p.version(), field + ".version");
            require(ids.add(p.id()), field + ".id", "\"" + p.id() + "\" is given twice (CSAF test 6.1.2)");
            require(versions.add(p.vendor() + "\n" + p.name() + "\n" + p.version()), field,
                    "names the same vendor, product and version as an earlier product");
            if (CsafWriter.present(p.purl())) {
                try {
                    new PackageURL(p.purl());
                } catch (MalformedPackageURLException e) {
                    throw invalid(field + ".purl", "is not a valid package URL: " + e.getMessage());
                }
            }
            if (CsafWriter.present(p.cpe())) {
                require(p.cpe().startsWith("cpe:2.3:") || p.cpe().startsWith("cpe:/"), field + ".cpe",
                        "must be a CPE 2.3 name (cpe:2.3:...) or a CPE 2.2 URI (cpe:/...)");
            }
        }
        return ids;
    }

    private static void vulnerability(CsafAdvisory.Profile profile, Vulnerability v, String field,
                                      Set<String> productIds, Set<String> cves) {
        require(v != null, field, "is missing");
        if (CsafWriter.present(v.cve())) {
            require(CVE.matcher(v.cve()).matches(), field + ".cve", "must look like CVE-2026-12345");
            require(cves.add(v.cve()), field + ".cve", v.cve() + " is given twice (CSAF test 6.1.23)");
        }
        if (v.otherId() != null) {
            text(v.otherId().systemName(), field + ".otherId.systemName");
            text(v.otherId().text(), field + ".otherId.text");
        }
        if (profile == CsafAdvisory.Profile.VEX) {
            require(CsafWriter.present(v.cve()) || v.otherId() != null, field,
                    "a VEX document needs a CVE or another id for every vulnerability (CSAF test 6.1.27.8)");
        }
        text(v.title(), field + ".title");
        text(v.description(), field + ".description");
        if (v.cwe() != null) {
            require(v.cwe().id() != null && CWE.matcher(v.cwe().id()).matches(), field + ".cwe.id",
                    "must look like CWE-79");
            text(v.cwe().name(), field + ".cwe.name");
        }
        Map<String, String> statusOf = new HashMap<>();
        status(v.knownAffected(), "knownAffected", field, productIds, statusOf);
        status(v.fixed(), "fixed", field, productIds, statusOf);
        status(v.knownNotAffected(), "knownNotAffected", field, productIds, statusOf);
        require(!statusOf.isEmpty(), field, "needs a product status: at least one product affected, fixed or not"
                + " affected (CSAF tests 6.1.27.6, 6.1.27.7)");
        if (CsafWriter.present(v.cvssV3Vector())) {
            require(!v.knownAffected().isEmpty(), field + ".cvssV3Vector", "scores the affected products, but none"
                    + " is listed in knownAffected");
            try {
                CvssV3Score.of(v.cvssV3Vector());
            } catch (IllegalArgumentException e) {
                throw invalid(field + "." + e.getMessage(), "");
            }
        }
        Set<String> remediated = new HashSet<>();
        for (int i = 0; i < v.remediations().size(); i++) {
            Remediation r = v.remediations().get(i);
            String at = field + ".remediations[" + i + "]";
            require(r != null && r.category() != null, at + ".category", "is missing");
            text(r.details(), at + ".details");
            if (r.url() != null) {
                url(r.url(), at + ".url");
            }
            require(!r.productIds().isEmpty(), at + ".productIds", "needs at least one product (CSAF test 6.1.29)");
            known(r.productIds(), at + ".productIds", productIds);
            remediated.addAll(r.productIds());
        }
        Set<String> flagged = new HashSet<>();
        for (int i = 0; i < v.flags().size(); i++) {
            Flag f = v.flags().get(i);
            String at = field + ".flags[" + i + "]";
            require(f != null && f.label() != null, at + ".label", "is missing");
            require(!f.productIds().isEmpty(), at + ".productIds", "needs at least one product (CSAF test 6.1.32)");
            known(f.productIds(), at + ".productIds", productIds);
            for (String id : f.productIds()) {
                require(flagged.add(id), at + ".productIds", "\"" + id + "\" already has a justification for this"
                        + " vulnerability (CSAF test 6.1.33)");
                require("knownNotAffected".equals(statusOf.get(id)), at + ".productIds", "\"" + id
                        + "\" is justified as not affected but is not listed in knownNotAffected");
            }
        }
        if (profile == CsafAdvisory.Profile.VEX) {
            for (String id : v.knownNotAffected()) {
                require(flagged.contains(id), field + ".flags", "a VEX document must say why \"" + id
                        + "\" is not affected (CSAF test 6.1.27.9)");
            }
            for (String id : v.knownAffected()) {
                require(remediated.contains(id), field + ".remediations", "a VEX document must say what to do about"
                        + " affected product \"" + id + "\" (CSAF test 6.1.27.10)");
            }
        }
    }

    /** Each id known, and in one status group only (CSAF test 6.1.6, contradicting product status). */
    private static void status(List<String> ids, String name, String field, Set<String> productIds,
                               Map<String, String> statusOf) {
        known(ids, field + "." + name, productIds);
        for (String id : ids) {
            String earlier = statusOf.put(id, name);
            require(earlier == null || earlier.equals(name), field + "." + name, "\"" + id + "\" is already listed in "
                    + earlier + " (CSAF test 6.1.6)");
        }
    }

    private static void known(List<String> ids, String field, Set<String> productIds) {
        for (String id : ids) {
            require(id != null && productIds.contains(id), field, "\"" + id + "\" is not the id of a listed product"
                    + " (CSAF test 6.1.1)");
        }
    }

    private static void text(String value, String field) {
        require(value != null && !value.isBlank(), field, "is missing");
    }

    private static void url(URI url, String field) {
        require(url != null && url.isAbsolute() && url.getHost() != null, field, "must be an absolute URL");
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw invalid(field, problem);
        }
    }

    private static IllegalArgumentException invalid(String field, String problem) {
        return new IllegalArgumentException(problem.isEmpty() ? field : field + ": " + problem);
    }
}
