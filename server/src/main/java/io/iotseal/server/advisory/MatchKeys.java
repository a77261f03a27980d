package io.iotseal.server.advisory;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.digest.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /** The purl key of a package URL, or null when it is not one (a malformed purl matches by CPE at most). */
    static String purlKey(String purl) {
        if (purl == null || purl.isBlank()) {
            return null;
        }
        try {
            PackageURL p = new PackageURL(purl.strip());
            return new PackageURL(p.getType(), p.getNamespace(), p.getName(), null, null, null).canonicalize();
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The CPE key of a CPE 2.3 formatted string ({@code cpe:2.3:a:openssl:openssl:1.1.1k:...}) or a 2.2 URI
     * ({@code cpe:/a:openssl:openssl:1.1.1k}); null when vendor or product is missing or a wildcard.
     */
    static String cpeKey(String cpe) {
        if (cpe == null) {
            return null;
        }
        String c = cpe.strip().toLowerCase(Locale.ROOT);
        String vendor;
        String product;
        if (c.startsWith("cpe:2.3:")) {
            String[] f = splitUnescaped(c.substring("cpe:2.3:".length()));
            if (f.length < 3) {
                return null;
            }
            vendor = f[1];
            product = f[2];
        } else if (c.startsWith("cpe:/")) {
            String[] f = c.substring("cpe:/".length()).split(":", -1);
            if (f.length < 3) {
                return null;
            }
            vendor = f[1];
            product = f[2];
        } else {
            return null;
        }
        if (vendor.isEmpty() || product.isEmpty() || vendor.equals("*") || product.equals("*")
                || vendor.equals("-") || product.equals("-")) {
            return null;
        }
        return "cpe:" + vendor + ":" + product;
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
            add(keys, purlKey(p.purl()));
        }
        for (AffectedCpe c : a.cpes()) {
            add(keys, cpeKey(c.criteria()));
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

    /** CPE 2.3 fields are separated by colons that are not escaped with a backslash. */
    private static String[] splitUnescaped(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                b.append(ch).append(s.charAt(++i));
            } else if (ch == ':') {
                parts.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        parts.add(b.toString());
        return parts.toArray(String[]::new);
    }
}
