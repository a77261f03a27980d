package io.iotseal.advisory.match;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisoryMatch;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.MatchBasis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Advisories arranged for matching SBOM components: a hash map from package (type, namespace, name) to the
 * affected packages naming it, each with its ranges parsed once, and one from CPE vendor:product to the CPE
 * statements. Immutable once built, so one index serves concurrent matching.
 */
public final class AdvisoryIndex {
    private record PackageEntry(String advisoryId, AffectedRanges ranges) {
    }

    private record CpeEntry(String advisoryId, CpeStatement statement) {
    }

    private final Map<PackageKey, List<PackageEntry>> byPackage;
    private final Map<String, List<CpeEntry>> byCpe;
    private final int size;

    private AdvisoryIndex(Map<PackageKey, List<PackageEntry>> byPackage, Map<String, List<CpeEntry>> byCpe,
                          int size) {
        this.byPackage = byPackage;
        this.byCpe = byCpe;
        this.size = size;
    }

    /**
     * Indexes the advisories; withdrawn ones are left out.
     *
     * @throws IllegalArgumentException naming the advisory when one of its package URLs or CPE criteria is invalid
     */
    public static AdvisoryIndex of(Collection<Advisory> advisories) {
        Map<PackageKey, List<PackageEntry>> byPackage = new HashMap<>();
        Map<String, List<CpeEntry>> byCpe = new HashMap<>();
        int size = 0;
        for (Advisory advisory : advisories) {
            if (advisory.withdrawn()) {
                continue;
            }
            size++;
            for (AffectedPackage affected : advisory.packages()) {
                PackageKey key;
                try {
                    key = PackageKey.parse(affected.purl()).key();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("advisory " + advisory.id() + " " + e.getMessage(), e);
                }
                AffectedRanges ranges = new AffectedRanges(affected, key.type());
                if (!ranges.isEmpty()) {
                    byPackage.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new PackageEntry(advisory.id(), ranges));
                }
            }
            for (AffectedCpe cpe : advisory.cpes()) {
                CpeStatement statement = new CpeStatement(advisory.id(), cpe);
                byCpe.computeIfAbsent(statement.name.key(), k -> new ArrayList<>(2))
                        .add(new CpeEntry(advisory.id(), statement));
            }
        }
        return new AdvisoryIndex(byPackage, byCpe, size);
    }

    /** The number of advisories indexed (withdrawn ones not counted). */
    public int size() {
        return size;
    }

    /**
     * Every advisory affecting this component version; purl first; CPE only when the component has no purl
     * or its purl type has no advisory data for that package — CPE matches carry MatchBasis.CPE.
     */
    public List<AdvisoryMatch> match(String purl, String cpe, String version) {
        return matchAll(purl, cpe, version).matches();
    }

    /**
     * As {@link #match}, and also the advisories that could not be decided for this component (its version,
     * or the advisory's, does not follow the ecosystem's rules; it states no version).
     *
     * @param purl    the component's package URL, or null
     * @param cpe     the component's CPE (2.3 formatted string or 2.2 URI), or null
     * @param version the component's version; null takes the purl's (or, for CPE, the CPE's) version
     * @throws IllegalArgumentException naming the field when the purl, or a CPE that is needed, is invalid
     */
    public MatchResult matchAll(String purl, String cpe, String version) {
        Found found = new Found();
        boolean purlHadData = false;
        if (purl != null && !purl.isBlank()) {
            PackageKey.Parsed parsed = PackageKey.parse(purl);
            List<PackageEntry> entries = byPackage.get(parsed.key());
            if (entries != null) {
                purlHadData = true;
                String v = version != null ? version : parsed.version();
                matchPackage(parsed, entries, new ComponentVersion(v), found);
            }
        }
        if (!purlHadData && cpe != null && !cpe.isBlank()) {
            matchCpe(CpeName.parse("cpe", cpe), version, found);
        }
        return found.result();
    }

    private static void matchPackage(PackageKey.Parsed component, List<PackageEntry> entries,
                                     ComponentVersion version, Found found) {
        String distro = component.qualifiers().get("distro");
        String distroRelease = distro == null ? null : releasePart(distro);
        for (PackageEntry entry : entries) {
            if (found.matched(entry.advisoryId())) {
                continue;
            }
            AffectedRanges ranges = entry.ranges();
            String note = "";
            if (ranges.release != null) {
                if (distroRelease == null) {
                    note = distro == null
                            ? "; the advisory is for " + ranges.ecosystem + ", the component names no distro"
                            : "; the advisory is for " + ranges.ecosystem + ", the component's distro is " + distro;
                } else if (!sameRelease(distroRelease, ranges.release)) {
                    continue;
                }
            }
            AffectedRanges.Outcome outcome = ranges.evaluate(version.raw(), version);
            switch (outcome.status()) {
                case AFFECTED -> found.match(new AdvisoryMatch(entry.advisoryId(), MatchBasis.PURL, outcome.fixedIn(),
                        component.key() + " " + version.raw() + " " + outcome.where() + note));
                case UNDECIDED -> found.undecided(entry.advisoryId(), component.key() + ": " + outcome.where());
                case NOT_AFFECTED -> { }
            }
        }
    }

    private void matchCpe(CpeName component, String version, Found found) {
        List<CpeEntry> entries = byCpe.get(component.key());
        if (entries == null) {
            return;
        }
        String v = version != null ? version : component.version();
        for (CpeEntry entry : entries) {
            if (found.matched(entry.advisoryId()) || !entry.statement().partMatches(component)) {
                continue;
            }
            AffectedRanges.Outcome outcome = entry.statement().evaluate(v);
            switch (outcome.status()) {
                case AFFECTED -> found.match(new AdvisoryMatch(entry.advisoryId(), MatchBasis.CPE, outcome.fixedIn(),
                        "cpe " + component.key() + " " + (v == null ? "(no version)" : v) + " " + outcome.where()
                                + " (CPE only: lower confidence)"));
                case UNDECIDED -> found.undecided(entry.advisoryId(), "cpe " + component.key() + ": " + outcome.where());
                case NOT_AFFECTED -> { }
            }
        }
    }

    /** "debian-12" → "12", "alpine-3.19.1" → "3.19.1"; null for a codename ("bookworm"), which we cannot place. */
    private static String releasePart(String distro) {
        for (int i = 0; i < distro.length(); i++) {
            if (Character.isDigit(distro.charAt(i))) {
                return distro.substring(i);
            }
        }
        return null;
    }

    /** "3.19.1" is in release "3.19"; "12" is "12" (not "1"). */
    private static boolean sameRelease(String component, String advisory) {
        return component.equals(advisory) || component.startsWith(advisory + ".");
    }

    /** What one call collects: one match per advisory at most; an advisory matched is not also undecided. */
    private static final class Found {
        private final Map<String, AdvisoryMatch> matches = new LinkedHashMap<>();
        private final Map<String, MatchResult.Undecided> undecided = new LinkedHashMap<>();

        boolean matched(String advisoryId) {
            return matches.containsKey(advisoryId);
        }

        void match(AdvisoryMatch m) {
            matches.put(m.advisoryId(), m);
            undecided.remove(m.advisoryId());
        }

        void undecided(String advisoryId, String reason) {
            undecided.putIfAbsent(advisoryId, new MatchResult.Undecided(advisoryId, reason));
        }

        MatchResult result() {
            return new MatchResult(List.copyOf(matches.values()), List.copyOf(undecided.values()));
        }
    }
}
