package io.iotseal.advisory.match;

import io.github.nscuro.versatile.spi.Version;
import io.github.nscuro.versatile.version.KnownVersioningSchemes;
import io.iotseal.advisory.AffectedCpe;

/**
 * An advisory's CPE applicability statement, parsed once. CPE versions follow no declared scheme, so they
 * compare by vers' generic scheme (numbers numerically, then letters: 1.0.2 &lt; 1.0.2k &lt; 1.0.2l).
 */
final class CpeStatement {
    private static final String SCHEME = KnownVersioningSchemes.SCHEME_GENERIC;

    final CpeName name;
    private final AffectedCpe cpe;
    private final Version exact;
    private final Version startIncluding;
    private final Version startExcluding;
    private final Version endIncluding;
    private final Version endExcluding;

    /** @throws IllegalArgumentException naming the advisory when its criteria is not a CPE */
    CpeStatement(String advisoryId, AffectedCpe cpe) {
        this.cpe = cpe;
        this.name = CpeName.parse("advisory " + advisoryId + " cpe criteria", cpe.criteria());
        this.exact = parse(name.version());
        this.startIncluding = parse(cpe.startIncluding());
        this.startExcluding = parse(cpe.startExcluding());
        this.endIncluding = parse(cpe.endIncluding());
        this.endExcluding = parse(cpe.endExcluding());
    }

    /** True when the component's part is compatible (ANY on either side matches all). */
    boolean partMatches(CpeName component) {
        return name.part() == null || component.part() == null || name.part().equals(component.part());
    }

    /**
     * @param version the component's version, or null when it states none
     * @return AFFECTED (with the endExcluding bound as fix), NOT_AFFECTED, or UNDECIDED without a version
     */
    AffectedRanges.Outcome evaluate(String version) {
        boolean bounded = startIncluding != null || startExcluding != null || endIncluding != null
                || endExcluding != null;
        if (exact == null && !bounded) {
            return new AffectedRanges.Outcome(AffectedRanges.Status.AFFECTED, "all versions", null);
        }
        if (version == null || version.isBlank()) {
            return new AffectedRanges.Outcome(AffectedRanges.Status.UNDECIDED,
                    "the component states no version; " + cpe.criteria() + " names versions", null);
        }
        Version v = VersionScheme.parse(SCHEME, version);
        if (exact != null) {
            return version.equalsIgnoreCase(name.version()) || v.compareTo(exact) == 0
                    ? new AffectedRanges.Outcome(AffectedRanges.Status.AFFECTED, "= " + name.version(), null)
                    : AffectedRanges.Outcome.NOT_AFFECTED;
        }
        boolean in = (startIncluding == null || v.compareTo(startIncluding) >= 0)
                && (startExcluding == null || v.compareTo(startExcluding) > 0)
                && (endIncluding == null || v.compareTo(endIncluding) <= 0)
                && (endExcluding == null || v.compareTo(endExcluding) < 0);
        return in ? new AffectedRanges.Outcome(AffectedRanges.Status.AFFECTED, bounds(), cpe.endExcluding())
                : AffectedRanges.Outcome.NOT_AFFECTED;
    }

    private String bounds() {
        String lower = cpe.startIncluding() != null ? "[" + cpe.startIncluding()
                : cpe.startExcluding() != null ? "(" + cpe.startExcluding() : "[0";
        String upper = cpe.endIncluding() != null ? cpe.endIncluding() + "]"
                : cpe.endExcluding() != null ? cpe.endExcluding() + ")" : "∞)";
        return "in " + lower + ", " + upper;
    }

    private static Version parse(String v) {
        return v == null || v.isBlank() ? null : VersionScheme.parse(SCHEME, v);
    }
}
