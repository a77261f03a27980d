package io.iotseal.advisory.match;

import io.iotseal.advisory.AdvisoryMatch;

import java.util.List;

/**
 * Everything one component's match found: the advisories that affect it, and those that could not be decided
 * (a version the ecosystem's rules reject, no version at all). Undecided is not "not affected": the registry
 * shows it so a person looks (ADR 0093).
 *
 * @param matches   the advisories affecting the component
 * @param undecided the advisories whose ranges could not be evaluated for it, with why
 */
public record MatchResult(List<AdvisoryMatch> matches, List<Undecided> undecided) {
    public MatchResult {
        matches = List.copyOf(matches);
        undecided = List.copyOf(undecided);
    }

    /**
     * @param advisoryId the advisory
     * @param reason     one line a vendor can act on, e.g. "component version \"1.0 beta\" is not a valid deb version"
     */
    public record Undecided(String advisoryId, String reason) {
    }
}
