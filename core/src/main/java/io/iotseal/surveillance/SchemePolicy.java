package io.iotseal.surveillance;

import io.iotseal.catalog.LocalizedText;
import java.time.Period;
import java.util.List;

/**
 * The surveillance policy of one scheme.
 *
 * @param schemeId      the scheme (as in the standards library)
 * @param hearingPeriod how long the vendor is given to comment before the operator decides
 * @param hearingBasis  where that period comes from: a source's rule or the operator's own choice
 * @param rules         the rules, in order
 */
public record SchemePolicy(String schemeId, Period hearingPeriod, LocalizedText hearingBasis, List<PolicyRule> rules) {
    public SchemePolicy {
        rules = List.copyOf(rules);
    }
}
