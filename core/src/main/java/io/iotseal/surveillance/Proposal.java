package io.iotseal.surveillance;

import io.iotseal.catalog.LocalizedText;
import java.time.Instant;

/**
 * A rule that fired for a finding: put to the operator with its evidence, never applied by itself.
 *
 * @param ruleId  the rule
 * @param action  what the operator is asked to decide
 * @param finding the finding that made it fire
 * @param since   when the rule's clock started (first match, or KEV listing if later)
 * @param due     when the unfixed period ran out
 * @param reason  the rule's reason, for the operator and the vendor
 */
public record Proposal(String ruleId, ProposedAction action, FindingFacts finding, Instant since, Instant due,
                       LocalizedText reason) {
}
