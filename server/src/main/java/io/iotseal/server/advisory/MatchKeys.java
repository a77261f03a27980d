package io.iotseal.server.advisory;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.digest.Sha256;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lookup keys that bring components and advisories together (ADR 0095): a package URL without version,
 * qualifiers or subpath ({@code pkg:deb/debian/openssl}), or {@code cpe:<vendor>:<product>}. Both sides use
 * these functions, so an advisory is loaded for a component exactly when it could match it; the version
 * comparison itself is the core's matching.
 */
final class MatchKeys {

    private MatchKeys() {
    }

    /** purl types whose namespace and name are case-insensitive (the purl specification; as the core's matching). */
    private static final Set<String> CASE_INSENSITIVE = Set.of("alpm", "apk", "bitbucket", "composer", "deb",
            "github", "golang", "hex", "pypi");
    private static final Pattern PEP_503_SEPARATORS = Pattern.compile("[-_.]+");

    /**
     * The purl key of a package URL: type, namespace and name under the same case and PyPI (PEP 503) rules as
     * the core's {@code advisory.match.PackageKey}, so two purls the matching takes for one package get one key.
     * Null when it is not a package URL (the matching could not use it either).
     */
    static String purlKey(String purl) {
        if (purl == null || purl.isBlank()) {
            return null;
        }
        PackageURL p;
        try {
            p = new PackageURL(purl);
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
        String type = p.getType().toLowerCase(Locale.ROOT);
        String namespace = p.getNamespace();
        String name = p.getName();
        if (CASE_INSENSITIVE.contains(type)) {
            namespace = namespace == null ? null : namespace.toLowerCase(Locale.ROOT);
            name = name.toLowerCase(Locale.ROOT);
        }
        if (type.equals("pypi")) {
            name = PEP_503_SEPARATORS.matcher(name).replaceAll("-");
        }
        return "pkg:" + type + "/" + (namespace == null ? "" : namespace + "/") + name;
    }

    /**
     * The CPE key of a CPE 2.3 formatted string or 2.2 URI: {@code cpe:<vendor>:<product>}, parsed and lower-cased
     * as the core's {@code advisory.match.CpeName} does (us.springett cpe-parser); null when it is no CPE.
     */
    static String cpeKey(String cpe) {
        if (cpe == null || cpe.isBlank()) {
            return null;
        }
        try {
            Cpe parsed = CpeParser.parse(cpe, true);
            return "cpe:" + lower(parsed.getVendor()) + ":" + lower(parsed.getProduct());
        } catch (CpeParsingException | RuntimeException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
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
}
