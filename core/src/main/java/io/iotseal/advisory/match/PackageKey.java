package io.iotseal.advisory.match;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What identifies a package across advisories and SBOMs: the package URL's type, namespace and name in
 * canonical form (the purl specification's case rules; packageurl-java applies most, we add apk's lower case
 * and PyPI's PEP 503 name normalisation so both sides of a match compare equal).
 */
record PackageKey(String type, String namespace, String name) {
    // purl-spec type definitions: namespace and name are case-insensitive for these types.
    private static final Pattern PEP_503_SEPARATORS = Pattern.compile("[-_.]+");
    private static final Set<String> CASE_INSENSITIVE = Set.of("alpm", "apk", "bitbucket", "composer", "deb",
            "github", "golang", "hex", "pypi");

    /** A parsed package URL: its key, version (or null) and qualifiers (never null). */
    record Parsed(PackageKey key, String version, Map<String, String> qualifiers) {
    }

    /**
     * @throws IllegalArgumentException naming the purl when it is not a valid package URL
     */
    static Parsed parse(String purl) {
        PackageURL p;
        try {
            p = new PackageURL(purl);
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new IllegalArgumentException("purl: not a valid package URL: " + purl + " (" + e.getMessage() + ")",
                    e);
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
        Map<String, String> qualifiers = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
        return new Parsed(new PackageKey(type, namespace, name), p.getVersion(), qualifiers);
    }

    @Override
    public String toString() {
        return "pkg:" + type + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
