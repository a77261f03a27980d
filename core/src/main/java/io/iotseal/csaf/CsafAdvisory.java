package io.iotseal.csaf;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What the registry states about a disclosed vulnerability, in neutral terms: the input of {@link CsafWriter}.
 * Lists are copied; {@code null} lists are empty. The writer checks the rules the CSAF 2.0 mandatory tests
 * apply to these values (ADR 0098) and names the field of the first one broken.
 *
 * @param profile            security advisory or VEX
 * @param publisher          who issues the document (the registry)
 * @param trackingId         the document's id, unique for the publisher (e.g. {@code IOTSEAL-2026-0001})
 * @param title              the document's title
 * @param language           its language, a BCP 47 tag such as {@code en} or {@code ja}
 * @param summary            a short summary (the document note of category {@code summary})
 * @param initialReleaseDate when the first revision was published; its year names the document's folder
 * @param currentReleaseDate when this revision was published (not before any revision's date)
 * @param revisions          the revision history, numbered 1, 2, 3... in order; the last is the current version
 * @param products           the products the vulnerabilities are stated for
 * @param vulnerabilities    at least one
 * @param references         further reading (the document's own canonical URL is added by the writer)
 */
public record CsafAdvisory(Profile profile, Publisher publisher, String trackingId, String title, String language,
                           String summary, Instant initialReleaseDate, Instant currentReleaseDate,
                           List<Revision> revisions, List<Product> products, List<Vulnerability> vulnerabilities,
                           List<Reference> references) {

    public CsafAdvisory {
        revisions = copy(revisions);
        products = copy(products);
        vulnerabilities = copy(vulnerabilities);
        references = copy(references);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The CSAF profile, i.e. {@code /document/category}. */
    public enum Profile {
        SECURITY_ADVISORY("csaf_security_advisory"),
        VEX("csaf_vex");

        private final String category;

        Profile(String category) {
            this.category = category;
        }

        public String category() {
            return category;
        }
    }

    /** {@code /document/publisher}. */
    public record Publisher(Category category, String name, URI namespace, String contactDetails) {

        /** The publisher categories of CSAF 2.0. */
        public enum Category {
            COORDINATOR, DISCOVERER, OTHER, TRANSLATOR, USER, VENDOR
        }
    }

    /** One entry of the revision history; {@code number} is 1, 2, 3... */
    public record Revision(int number, Instant date, String summary) {
    }

    /**
     * A product version the advisory speaks of. {@code id} is the product id the vulnerabilities refer to (any
     * text, unique in the advisory); {@code purl} and {@code cpe} are optional identification helpers.
     */
    public record Product(String id, String vendor, String name, String version, String purl, String cpe) {
    }

    /**
     * A vulnerability and its status per product.
     *
     * @param cve              a CVE id, or null
     * @param otherId          another id (e.g. the registry's case number) when there is no CVE, or null; a VEX
     *                         document needs one of the two for every vulnerability
     * @param title            a short title
     * @param description      what it is (the vulnerability note of category {@code description})
     * @param cwe              the weakness, or null
     * @param cvssV3Vector     a CVSS 3.0 or 3.1 vector; the scores are computed from it; null for none
     * @param knownAffected    product ids affected
     * @param fixed            product ids in which it is fixed
     * @param knownNotAffected product ids not affected
     * @param remediations     what to do about it
     * @param flags            why products are not affected (VEX justifications)
     */
    public record Vulnerability(String cve, OtherId otherId, String title, String description, Cwe cwe,
                                String cvssV3Vector, List<String> knownAffected, List<String> fixed,
                                List<String> knownNotAffected, List<Remediation> remediations, List<Flag> flags) {
        public Vulnerability {
            knownAffected = copy(knownAffected);
            fixed = copy(fixed);
            knownNotAffected = copy(knownNotAffected);
            remediations = copy(remediations);
            flags = copy(flags);
        }
    }

    /** An id other than a CVE, from the named system (CSAF {@code /vulnerabilities[]/ids[]}). */
    public record OtherId(String systemName, String text) {
    }

    /** A CWE id ({@code CWE-79}) and its name exactly as the CWE list gives it. */
    public record Cwe(String id, String name) {
    }

    /** A remediation for the listed product ids; {@code url} is optional. */
    public record Remediation(RemediationCategory category, String details, URI url, List<String> productIds) {
        public Remediation {
            productIds = copy(productIds);
        }
    }

    /** The remediation categories of CSAF 2.0. */
    public enum RemediationCategory {
        MITIGATION, NO_FIX_PLANNED, NONE_AVAILABLE, VENDOR_FIX, WORKAROUND
    }

    /** Why the listed products are not affected. */
    public record Flag(Justification label, List<String> productIds) {
        public Flag {
            productIds = copy(productIds);
        }
    }

    /** The five justification labels CSAF 2.0 flags use (the same five as OpenVEX). */
    public enum Justification {
        COMPONENT_NOT_PRESENT, INLINE_MITIGATIONS_ALREADY_EXIST, VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
        VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, VULNERABLE_CODE_NOT_PRESENT
    }

    /** A reference; {@code summary} says what it is. */
    public record Reference(URI url, String summary) {
    }
}
