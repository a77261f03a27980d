package io.iotseal.server.survey;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Links an observation to a product by the fingerprints its vendor declared (ADR 0105): a declared fingerprint
 * matches a seen one of the same kind, on its port when it names one, whose value equals it (EXACT) or starts
 * with it (PREFIX). Among the products that match, the one whose best fingerprint is EXACT beats PREFIX, then the
 * longer declared value wins; two products tied at the top are no match at all (the device might be either, and
 * a finding on the wrong label would accuse the wrong vendor), counted as ambiguous.
 */
final class FingerprintMatcher {

    record Match(UUID productId, Fingerprint fingerprint) {
    }

    /** The result for one device: a match, nothing, or a tie between products. */
    record Result(Optional<Match> match, boolean ambiguous) {
        static final Result NONE = new Result(Optional.empty(), false);
    }

    private static final Comparator<Fingerprint> STRENGTH = Comparator.comparing(Fingerprint::exact)
            .thenComparingInt(f -> f.value().length());

    private final List<Fingerprint> declared;

    FingerprintMatcher(List<Fingerprint> declared) {
        this.declared = List.copyOf(declared);
    }

    Result match(List<Observation.Seen> seen) {
        if (seen.isEmpty() || declared.isEmpty()) {
            return Result.NONE;
        }
        Map<UUID, Fingerprint> best = new HashMap<>();
        for (Fingerprint f : declared) {
            for (Observation.Seen s : seen) {
                if (f.matches(s.kind(), s.port(), s.value())) {
                    best.merge(f.productId(), f, (a, b) -> STRENGTH.compare(a, b) >= 0 ? a : b);
                }
            }
        }
        if (best.isEmpty()) {
            return Result.NONE;
        }
        List<Fingerprint> ranked = best.values().stream().sorted(STRENGTH.reversed()).toList();
        if (ranked.size() > 1 && STRENGTH.compare(ranked.get(0), ranked.get(1)) == 0) {
            return new Result(Optional.empty(), true);
        }
        Fingerprint top = ranked.get(0);
        return new Result(Optional.of(new Match(top.productId(), top)), false);
    }
}
