package io.iotseal.advisory.match;

import io.github.nscuro.versatile.spi.Version;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.AffectedRange;
import io.iotseal.advisory.RangeEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One advisory's affected package, parsed once when the index is built: its events sorted by the ecosystem's
 * version order, ready to answer "is this version affected, and where is it fixed?" by OSV's rules
 * (ossf.github.io/osv-schema, "Evaluation").
 */
final class AffectedRanges {
    /** The answer for one component version. */
    enum Status { AFFECTED, NOT_AFFECTED, UNDECIDED }

    /**
     * @param status  the answer
     * @param where   for AFFECTED, the range or list that matched (e.g. "in [0, 3.0.13-1)"); for UNDECIDED, why
     * @param fixedIn for AFFECTED, the lowest fixed version above the component's, or null
     */
    record Outcome(Status status, String where, String fixedIn) {
        static final Outcome NOT_AFFECTED = new Outcome(Status.NOT_AFFECTED, null, null);
    }

    private record Event(RangeEvent.Kind kind, String raw, Version version) {
        boolean isZero() {
            return kind == RangeEvent.Kind.INTRODUCED && raw.equals("0");
        }
    }

    private record Range(String scheme, List<Event> events, List<Event> limits) {
    }

    final String scheme;
    final String ecosystem;
    /** The distribution release the ecosystem names (e.g. "12" for Debian:12), or null. */
    final String release;
    private final List<Range> ranges = new ArrayList<>();
    private final Set<String> listed = new HashSet<>();
    private final List<Version> listedParsed = new ArrayList<>();
    /** Why the ranges cannot be evaluated (an event version the scheme rejects), or null. */
    private String problem;

    AffectedRanges(AffectedPackage affected, String purlType) {
        this.ecosystem = affected.ecosystem();
        this.scheme = VersionScheme.of(affected.ecosystem(), purlType);
        this.release = releaseOf(affected.ecosystem());
        for (AffectedRange range : affected.ranges()) {
            String type = range.type() == null ? "ECOSYSTEM" : range.type();
            if (type.equalsIgnoreCase("GIT")) {
                continue; // commit hashes: never compared with a version
            }
            String rangeScheme = type.equalsIgnoreCase("SEMVER") ? VersionScheme.SEMVER : scheme;
            compile(range, rangeScheme);
        }
        for (String v : affected.versions()) {
            listed.add(v);
            try {
                listedParsed.add(VersionScheme.parse(scheme, v));
            } catch (IllegalArgumentException e) {
                // still matched by exact string; a listed version the scheme rejects cannot be ecosystem-equal
            }
        }
    }

    private void compile(AffectedRange range, String rangeScheme) {
        List<Event> events = new ArrayList<>();
        List<Event> limits = new ArrayList<>();
        for (RangeEvent e : range.events()) {
            boolean unbounded = e.kind() == RangeEvent.Kind.LIMIT && e.version().equals("*");
            boolean zero = e.kind() == RangeEvent.Kind.INTRODUCED && e.version().equals("0");
            Version parsed = null;
            if (!unbounded && !zero) {
                try {
                    parsed = VersionScheme.parse(rangeScheme, e.version());
                } catch (IllegalArgumentException ex) {
                    problem = "advisory version \"" + e.version() + "\" is not a valid " + rangeScheme + " version";
                    return;
                }
            }
            (e.kind() == RangeEvent.Kind.LIMIT ? limits : events).add(new Event(e.kind(), e.version(), parsed));
        }
        // "0" first, then by version; at equal versions an introduction comes before the end of a range
        events.sort(Comparator.comparing((Event e) -> !e.isZero())
                .thenComparing(Event::version, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.kind() != RangeEvent.Kind.INTRODUCED));
        ranges.add(new Range(rangeScheme, List.copyOf(events), List.copyOf(limits)));
    }

    /** True when nothing here can ever match a version (only GIT ranges, no listed versions). */
    boolean isEmpty() {
        return ranges.isEmpty() && listed.isEmpty() && problem == null;
    }

    /**
     * @param raw      the component's version as given
     * @param versions parses the component's version by a scheme; returns null and records why when it cannot
     */
    Outcome evaluate(String raw, ComponentVersion versions) {
        if (raw != null && listed.contains(raw)) {
            return new Outcome(Status.AFFECTED, "listed in the affected versions", fixedAbove(raw, versions));
        }
        if (problem != null) {
            return new Outcome(Status.UNDECIDED, problem, null);
        }
        if (!listedParsed.isEmpty()) {
            Version v = versions.in(scheme);
            if (v == null) {
                return new Outcome(Status.UNDECIDED, versions.problem(scheme), null);
            }
            for (Version l : listedParsed) {
                if (l.compareTo(v) == 0) {
                    return new Outcome(Status.AFFECTED, "listed in the affected versions", fixedAbove(raw, versions));
                }
            }
        }
        Outcome best = Outcome.NOT_AFFECTED;
        for (Range range : ranges) {
            Version v = versions.in(range.scheme());
            if (v == null) {
                return new Outcome(Status.UNDECIDED, versions.problem(range.scheme()), null);
            }
            Outcome o = evaluate(range, v);
            if (o.status() == Status.AFFECTED
                    && (best.status() != Status.AFFECTED || lower(range.scheme(), o.fixedIn(), best.fixedIn()))) {
                best = o;
            }
        }
        return best;
    }

    private String fixedAbove(String raw, ComponentVersion versions) {
        String fixed = null;
        for (Range range : ranges) {
            Version v = versions.in(range.scheme());
            if (v != null) {
                Event f = firstAbove(range, v, true);
                if (f != null && lower(range.scheme(), f.raw(), fixed)) {
                    fixed = f.raw();
                }
            }
        }
        return fixed;
    }

    /** OSV's evaluation of one range: introduced opens, fixed and last_affected close, limits cap. */
    private static Outcome evaluate(Range range, Version v) {
        if (!range.limits().isEmpty() && range.limits().stream()
                .noneMatch(l -> l.version() == null || v.compareTo(l.version()) < 0)) {
            return Outcome.NOT_AFFECTED;
        }
        boolean affected = false;
        String lower = null;
        for (Event e : range.events()) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (e.isZero() || v.compareTo(e.version()) >= 0) {
                        if (!affected) {
                            lower = e.raw();
                        }
                        affected = true;
                    }
                }
                case FIXED -> affected &= v.compareTo(e.version()) < 0;
                case LAST_AFFECTED -> affected &= v.compareTo(e.version()) <= 0;
                case LIMIT -> { } // kept apart above
            }
        }
        if (!affected) {
            return Outcome.NOT_AFFECTED;
        }
        Event end = firstAbove(range, v, false);
        Event fixed = firstAbove(range, v, true);
        String upper = end == null ? "∞)" : end.raw() + (end.kind() == RangeEvent.Kind.LAST_AFFECTED ? "]" : ")");
        return new Outcome(Status.AFFECTED, "in [" + lower + ", " + upper, fixed == null ? null : fixed.raw());
    }

    /** The first fixed (or, when {@code fixedOnly} is false, also last_affected) event at or above v. */
    private static Event firstAbove(Range range, Version v, boolean fixedOnly) {
        for (Event e : range.events()) {
            if (e.kind() == RangeEvent.Kind.FIXED && v.compareTo(e.version()) < 0) {
                return e;
            }
            if (!fixedOnly && e.kind() == RangeEvent.Kind.LAST_AFFECTED && v.compareTo(e.version()) <= 0) {
                return e;
            }
        }
        return null;
    }

    private static boolean lower(String scheme, String candidate, String current) {
        if (candidate == null) {
            return false;
        }
        if (current == null) {
            return true;
        }
        try {
            return VersionScheme.parse(scheme, candidate).compareTo(VersionScheme.parse(scheme, current)) < 0;
        } catch (IllegalArgumentException e) {
            return false; // the two came from ranges of different schemes (SEMVER and ECOSYSTEM): keep the first
        }
    }

    /** "12" for Debian:12, "3.19" for Alpine:v3.19, "22.04" for Ubuntu:22.04:LTS; null when none is named. */
    static String releaseOf(String ecosystem) {
        if (ecosystem == null) {
            return null;
        }
        String[] parts = ecosystem.split(":");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].startsWith("v") ? parts[i].substring(1) : parts[i];
            if (!p.isEmpty() && Character.isDigit(p.charAt(0))) {
                return p;
            }
        }
        return null;
    }
}
