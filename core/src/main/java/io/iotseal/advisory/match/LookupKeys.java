package io.iotseal.advisory.match;

/**
 * The keys under which {@link AdvisoryIndex} looks a component's advisories up: a package URL without version,
 * qualifiers or subpath, in canonical form ({@code pkg:deb/debian/openssl}), or {@code cpe:<vendor>:<product>}.
 * The registry stores the same keys on both sides (ADR 0095), so that it loads an advisory exactly when the
 * index could match it to a component.
 */
public final class LookupKeys {

    private LookupKeys() {
    }

    /** The key of a package URL, or null when it is not a valid one (the index could not use it either). */
    public static String ofPurl(String purl) {
        if (purl == null || purl.isBlank()) {
            return null;
        }
        try {
            return PackageKey.parse(purl).key().toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The key of a CPE 2.3 formatted string or 2.2 URI, or null when it is no CPE. */
    public static String ofCpe(String cpe) {
        if (cpe == null || cpe.isBlank()) {
            return null;
        }
        try {
            return "cpe:" + CpeName.parse("cpe", cpe).key();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
