package io.iotseal.advisory.feed;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import java.util.Map;

/**
 * Package URLs for OSV packages: the record's own {@code purl} when given, otherwise one built from the OSV
 * ecosystem and package name for the ecosystems that have a purl type. Always without version, qualifiers
 * and subpath, in {@code packageurl-java}'s canonical form, so matching compares like with like.
 */
final class OsvPurls {

    /** OSV ecosystem (the part before ':') → purl type and, for distributions, the fixed namespace. */
    private record Type(String type, String namespace) {
    }

    private static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("Debian", new Type("deb", "debian")),
            Map.entry("Ubuntu", new Type("deb", "ubuntu")),
            Map.entry("Alpine", new Type("apk", "alpine")),
            Map.entry("Maven", new Type("maven", null)),
            Map.entry("PyPI", new Type("pypi", null)),
            Map.entry("npm", new Type("npm", null)),
            Map.entry("Go", new Type("golang", null)),
            Map.entry("crates.io", new Type("cargo", null)),
            Map.entry("NuGet", new Type("nuget", null)),
            Map.entry("RubyGems", new Type("gem", null)),
            Map.entry("Packagist", new Type("composer", null)),
            Map.entry("Hex", new Type("hex", null)),
            Map.entry("Pub", new Type("pub", null)));

    private OsvPurls() {
    }

    /** A given purl without version, qualifiers and subpath, canonical. */
    static String strip(String purl) throws MalformedPackageURLException {
        PackageURL p = new PackageURL(purl.strip());
        return new PackageURL(p.getType(), p.getNamespace(), p.getName(), null, null, null).canonicalize();
    }

    /**
     * The purl for an OSV ecosystem ({@code Debian:12}, {@code Maven}) and package name, or null when the
     * ecosystem has no purl type.
     *
     * @throws MalformedPackageURLException when the name does not fit the type (a Maven name without ':')
     */
    static String fromEcosystem(String ecosystem, String name) throws MalformedPackageURLException {
        int colon = ecosystem.indexOf(':');
        Type t = TYPES.get(colon < 0 ? ecosystem : ecosystem.substring(0, colon));
        if (t == null) {
            return null;
        }
        String namespace = t.namespace();
        String n = name;
        switch (t.type()) {
            case "maven" -> { // groupId:artifactId
                int c = name.indexOf(':');
                if (c <= 0 || c == name.length() - 1) {
                    throw new MalformedPackageURLException("a Maven package name is groupId:artifactId, not '" + name + "'");
                }
                namespace = name.substring(0, c);
                n = name.substring(c + 1);
            }
            case "npm", "golang", "composer" -> { // @scope/name, module path, vendor/name: namespace is all before the last '/'
                int s = name.lastIndexOf('/');
                if (s > 0) {
                    namespace = name.substring(0, s);
                    n = name.substring(s + 1);
                }
            }
            default -> {
            }
        }
        return new PackageURL(t.type(), namespace, n, null, null, null).canonicalize();
    }
}
