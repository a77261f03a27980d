package io.iotseal.advisory;

/**
 * A component found affected by an advisory.
 *
 * @param advisoryId the advisory's identifier
 * @param basis      what the match rests on
 * @param fixedIn    the lowest fixed version above the component's version the advisory names, or null
 * @param reason     one line a vendor can check, e.g. "pkg:deb/debian/openssl 3.0.11-1 in [0, 3.0.13-1)"
 */
public record AdvisoryMatch(String advisoryId, MatchBasis basis, String fixedIn, String reason) {
}
