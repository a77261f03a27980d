package io.iotseal.advisory;

import java.util.List;

/**
 * A package an advisory affects, named by package URL.
 *
 * @param purl      the package URL without version, qualifiers or subpath, in canonical form
 *                  (e.g. {@code pkg:deb/debian/openssl}, {@code pkg:maven/org.apache.logging.log4j/log4j-core})
 * @param ecosystem the OSV ecosystem as written (e.g. {@code Debian:12}, {@code Maven}, {@code Alpine:v3.19}),
 *                  or null when the feed names none; it decides how versions compare
 * @param ranges    affected ranges
 * @param versions  affected versions listed one by one (OSV {@code versions}), possibly empty
 */
public record AffectedPackage(String purl, String ecosystem, List<AffectedRange> ranges, List<String> versions) {
    public AffectedPackage {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}
