package io.iotseal.server.advisory;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.match.LookupKeys;
import io.iotseal.digest.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The lookup keys that bring components and advisories together (ADR 0095): a package URL without version,
 * qualifiers or subpath ({@code pkg:deb/debian/openssl}), or {@code cpe:<vendor>:<product>}. Both sides use
 * these functions, so an advisory is loaded for a component exactly when it could match it; the version
 * comparison itself is the core's matching.
 */
final class MatchKeys {

    private MatchKeys() {
    }

    /** Longest key stored (V27 column width). */
    static final int MAX_KEY = 2000;

    /**
     * Every key of an advisory: its packages' purl keys and its CPE statements' keys. Keys with control
     * characters or longer than the column are left out (no real package or CPE has them).
     */
    static Set<String> of(Advisory a) {
        Set<String> keys = new LinkedHashSet<>();
        for (AffectedPackage p : a.packages()) {
            add(keys, LookupKeys.ofPurl(p.purl()));
        }
        for (AffectedCpe c : a.cpes()) {
            add(keys, LookupKeys.ofCpe(c.criteria()));
        }
        return keys;
    }

    private static void add(Set<String> keys, String k) {
        if (k != null && k.length() <= MAX_KEY && k.chars().noneMatch(ch -> ch < 0x20)) {
            keys.add(k);
        }
    }

    /** One component however many SBOMs list it: the SHA-256 of purl, CPE and version as written. */
    static String componentKey(String purl, String cpe, String version) {
        String joined = nz(purl) + '\u0000' + nz(cpe) + '\u0000' + nz(version);
        return Sha256.hex(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
