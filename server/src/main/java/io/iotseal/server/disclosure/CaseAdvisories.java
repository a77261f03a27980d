package io.iotseal.server.disclosure;

import io.iotseal.csaf.CsafAdvisory;
import io.iotseal.csaf.CsafAdvisory.Product;
import io.iotseal.csaf.CsafAdvisory.Reference;
import io.iotseal.csaf.CsafAdvisory.Remediation;
import io.iotseal.csaf.CsafAdvisory.RemediationCategory;
import io.iotseal.csaf.CsafAdvisory.Revision;
import io.iotseal.csaf.CsafAdvisory.Vulnerability;
import io.iotseal.server.access.Actor;
import io.iotseal.server.csaf.CsafPublication;
import io.iotseal.server.csaf.CsafPublisher;
import io.iotseal.server.label.LabelProperties;
import io.iotseal.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The CSAF advisory a disclosed case publishes (issue 17 item 6, ADR 0103): the vendor writes the public title and
 * description when disclosing (the report's own text is the reporter's and stays confidential), names the
 * affected versions (the reported one by default), and the case's fixed version, CVE and CVSS 3 vector complete
 * it. Published in the disclosing transaction, so a case is never disclosed without its advisory, nor an
 * advisory left for a disclosure that failed.
 */
@Component
class CaseAdvisories {

    /** The case id in the tracking id: unique, so a case can never replace another case's document. */
    static final String TRACKING_PREFIX = "IOTSEAL-CASE-";
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_VERSIONS = 50;
    /** Hiragana, katakana and CJK ideographs: text in which an advisory is declared Japanese. */
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    private final CsafPublisher publisher;
    private final JdbcClient jdbc;
    private final LabelProperties labels;

    CaseAdvisories(CsafPublisher publisher, JdbcClient jdbc, LabelProperties labels) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.labels = labels;
    }

    /** The public text and versions a disclosure needs, checked before anything changes (422 naming the field). */
    static Disclosure check(CaseView c, TransitionInput input) {
        String title = CaseFacts.blankToNull(input.advisoryTitle());
        String description = CaseFacts.blankToNull(input.advisoryDescription());
        if (title == null || title.length() > MAX_TITLE) {
            throw ApiException.invalid("advisoryTitle", title == null
                    ? "DISCLOSED publishes an advisory: give its public title (the report's own text stays private)"
                    : "at most " + MAX_TITLE + " characters");
        }
        if (description == null || description.length() > MAX_DESCRIPTION) {
            throw ApiException.invalid("advisoryDescription", description == null
                    ? "DISCLOSED publishes an advisory: describe the vulnerability for the public"
                    : "at most " + MAX_DESCRIPTION + " characters");
        }
        Set<String> versions = new LinkedHashSet<>();
        List<String> given = input.affectedVersions() == null ? List.of() : input.affectedVersions();
        for (String v : given) {
            String version = CaseFacts.blankToNull(v);
            if (version != null) {
                versions.add(version);
            }
        }
        if (versions.isEmpty() && c.productVersion() != null) {
            versions.add(c.productVersion());
        }
        if (versions.isEmpty() || versions.size() > MAX_VERSIONS || versions.stream().anyMatch(v -> v.length() > 100)) {
            throw ApiException.invalid("affectedVersions", versions.isEmpty()
                    ? "name the affected product versions (the report named none)"
                    : "at most " + MAX_VERSIONS + " versions of at most 100 characters each");
        }
        if (versions.contains(c.fixedVersion())) {
            throw ApiException.invalid("affectedVersions", c.fixedVersion() + " is the fixed version");
        }
        return new Disclosure(title, description, List.copyOf(versions));
    }

    /** What the vendor gave for the public advisory. */
    record Disclosure(String title, String description, List<String> affectedVersions) {
    }

    /** Publishes the case's advisory (its first revision, released {@code at}). */
    CsafPublication publish(CaseView c, Disclosure d, Actor by, Instant at) {
        return publisher.publish(advisory(c, d, at), by);
    }

    CsafAdvisory advisory(CaseView c, Disclosure d, Instant at) {
        List<Product> products = new ArrayList<>();
        List<String> affected = new ArrayList<>();
        for (String version : d.affectedVersions()) {
            String id = productId(products.size());
            products.add(new Product(id, c.vendorName(), c.productName(), version, null, null));
            affected.add(id);
        }
        String fixedId = productId(products.size());
        products.add(new Product(fixedId, c.vendorName(), c.productName(), c.fixedVersion(), null, null));
        URI disclosurePage = disclosureUrl(c.productId());
        Vulnerability vulnerability = new Vulnerability(c.cveId(),
                c.cveId() == null ? new CsafAdvisory.OtherId("IoTSeal case", c.id().toString()) : null,
                d.title(), d.description(), null, cvssV3(c.cvssVector()), affected, List.of(fixedId), List.of(),
                List.of(new Remediation(RemediationCategory.VENDOR_FIX, "Update to version " + c.fixedVersion()
                        + " or later.", disclosurePage, affected)), List.of());
        List<Reference> references = new ArrayList<>();
        references.add(new Reference(URI.create(labels.publicUrl() + "/l/" + c.labelId()),
                "The product's label in the registry"));
        if (disclosurePage != null) {
            references.add(new Reference(disclosurePage, "The vendor's vulnerability disclosure page"));
        }
        String text = d.title() + d.description();
        return new CsafAdvisory(CsafAdvisory.Profile.SECURITY_ADVISORY, publisher.publisher(), trackingId(c.id()),
                c.productName() + ": " + d.title(), JAPANESE.matcher(text).find() ? "ja" : "en", d.title(), at, at,
                List.of(new Revision(1, at, "Initial release")), products, List.of(vulnerability), references);
    }

    /** The published advisory of a case, if it was disclosed. */
    Optional<CsafPublication> published(UUID caseId) {
        return publisher.published(trackingId(caseId));
    }

    static String trackingId(UUID caseId) {
        return TRACKING_PREFIX + caseId.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static String productId(int index) {
        return "CSAFPID-%04d".formatted(index + 1);
    }

    /** The CSAF writer scores CVSS 3 vectors only; a 2.0 or 4.0 vector stays in the case. */
    private static String cvssV3(String vector) {
        return vector != null && vector.startsWith("CVSS:3.") ? vector : null;
    }

    /** The product's disclosure page when it is an absolute http(s) address. */
    private URI disclosureUrl(UUID productId) {
        String url = jdbc.sql("select vdp_url from product where id = ?").param(productId)
                .query(String.class).optional().orElse(null);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            return uri.isAbsolute() && uri.getHost() != null && uri.getScheme().startsWith("http") ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
