package io.iotseal.surveillance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a scheme's rules to the findings of one labelled product version. Each finding yields at most one
 * proposal: the first rule that fires, so that the order of the rules is the operator's order of precedence.
 */
public final class PolicyEvaluation {
    private static final List<String> RATINGS = List.of("NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private PolicyEvaluation() {
    }

    public static List<Proposal> evaluate(SchemePolicy policy, List<FindingFacts> findings, Instant now) {
        List<Proposal> proposals = new ArrayList<>();
        for (FindingFacts finding : findings) {
            for (PolicyRule rule : policy.rules()) {
                Proposal proposal = fire(rule, finding, now);
                if (proposal != null) {
                    proposals.add(proposal);
                    break;
                }
            }
        }
        return proposals;
    }

    private static Proposal fire(PolicyRule rule, FindingFacts finding, Instant now) {
        if (!rule.states().contains(finding.state())) {
            return null;
        }
        if (rule.kevOnly() && finding.kevAdded() == null) {
            return null;
        }
        if (rule.minSeverity() != null && !atLeast(finding.severity(), rule.minSeverity())) {
            return null;
        }
        Instant since = finding.firstSeen();
        if (finding.kevAdded() != null) {
            Instant listed = finding.kevAdded().atStartOfDay().toInstant(ZoneOffset.UTC);
            // A finding known before CISA listed it becomes urgent only from the listing.
            since = rule.kevOnly() && listed.isAfter(since) ? listed : since;
        }
        Instant due = since.atOffset(ZoneOffset.UTC).plus(rule.unfixedFor()).toInstant();
        if (now.isBefore(due)) {
            return null;
        }
        return new Proposal(rule.id(), rule.action(), finding, since, due, rule.reason());
    }

    /** Unknown severity never satisfies a minimum: a rule that asks for HIGH wants evidence of HIGH. */
    static boolean atLeast(String rating, String minimum) {
        return rating != null && RATINGS.indexOf(rating) >= RATINGS.indexOf(minimum);
    }

    static boolean isRating(String rating) {
        return RATINGS.contains(rating);
    }
}
