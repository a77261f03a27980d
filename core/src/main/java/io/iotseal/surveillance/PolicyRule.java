package io.iotseal.surveillance;

import io.iotseal.catalog.LocalizedText;
import java.time.Period;
import java.util.Set;

/**
 * One rule: a finding in one of {@code states}, listed in KEV when {@code kevOnly}, rated at least
 * {@code minSeverity} (null: any), that has stood unfixed for {@code unfixedFor} (counted from the later of
 * first match and KEV listing) makes the rule propose {@code action}.
 */
public record PolicyRule(String id, Set<TriageState> states, boolean kevOnly, String minSeverity, Period unfixedFor,
                         ProposedAction action, LocalizedText reason) {
    public PolicyRule {
        states = Set.copyOf(states);
    }
}
