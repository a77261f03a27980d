package io.iotseal.advisory.match;

import io.github.nscuro.versatile.VersionFactory;
import io.github.nscuro.versatile.spi.Version;
import io.github.nscuro.versatile.version.KnownVersioningSchemes;

import java.util.Locale;
import java.util.Map;

/**
 * Which version rules apply to a package, and parsing a version by them. The rules themselves are the
 * {@code versatile} library's (vers specification schemes); this class only chooses the scheme.
 */
final class VersionScheme {
    /** OSV range type for plain SemVer 2.0 ranges; versatile's npm scheme is SemVer 2.0 with prereleases. */
    static final String SEMVER = "npm";

    // OSV ecosystem names (before any ":release") to vers schemes; others fall back to the purl type's scheme.
    private static final Map<String, String> BY_ECOSYSTEM = Map.ofEntries(
            Map.entry("debian", KnownVersioningSchemes.SCHEME_DEBIAN),
            Map.entry("ubuntu", KnownVersioningSchemes.SCHEME_DEBIAN),
            Map.entry("alpine", KnownVersioningSchemes.SCHEME_APK),
            Map.entry("maven", KnownVersioningSchemes.SCHEME_MAVEN),
            Map.entry("pypi", KnownVersioningSchemes.SCHEME_PYPI),
            Map.entry("npm", KnownVersioningSchemes.SCHEME_NPM),
            Map.entry("go", KnownVersioningSchemes.SCHEME_GOLANG),
            Map.entry("nuget", KnownVersioningSchemes.SCHEME_NUGET),
            Map.entry("packagist", KnownVersioningSchemes.SCHEME_COMPOSER),
            Map.entry("crates.io", SEMVER),
            Map.entry("red hat", KnownVersioningSchemes.SCHEME_RPM),
            Map.entry("rocky linux", KnownVersioningSchemes.SCHEME_RPM),
            Map.entry("almalinux", KnownVersioningSchemes.SCHEME_RPM));

    private VersionScheme() {
    }

    /** The scheme for an OSV ecosystem (e.g. {@code Debian:12}), else for the purl type, else generic. */
    static String of(String ecosystem, String purlType) {
        if (ecosystem != null) {
            String base = ecosystem.split(":", 2)[0].toLowerCase(Locale.ROOT);
            String scheme = BY_ECOSYSTEM.get(base);
            if (scheme != null) {
                return scheme;
            }
        }
        return KnownVersioningSchemes.fromPurlType(purlType).orElse(KnownVersioningSchemes.SCHEME_GENERIC);
    }

    /**
     * Parses a version by a scheme.
     *
     * @throws IllegalArgumentException when the version does not follow the scheme (versatile's
     *                                  InvalidVersionException is one)
     */
    static Version parse(String scheme, String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("empty version");
        }
        String v = version.strip();
        if (scheme.equals(SEMVER) && (v.startsWith("v") || v.startsWith("V"))) {
            v = v.substring(1); // OSV SEMVER ranges carry no "v"; Go components do
        }
        if (scheme.equals(KnownVersioningSchemes.SCHEME_APK)) {
            v = withoutLeadingZeros(v);
        }
        return VersionFactory.forScheme(scheme, v);
    }

    /**
     * apk-tools compares the first number of a version as an integer ("006" > "1.0.0", test/version.data);
     * versatile treats a leading zero as a fraction there, as apk does for later numbers only.
     */
    private static String withoutLeadingZeros(String v) {
        int i = 0;
        while (i < v.length() - 1 && v.charAt(i) == '0' && Character.isDigit(v.charAt(i + 1))) {
            i++;
        }
        return v.substring(i);
    }
}
