package io.iotseal.advisory.match;

/**
 * A CVSS base score as a finding shows it.
 *
 * @param cvssVersion "4.0", "3.1", "3.0" or "2.0"
 * @param baseScore   the base score, 0.0 to 10.0, computed from the vector (not taken from the feed)
 * @param rating      the qualitative rating: None, Low, Medium, High or Critical (CVSS 2.0: Low, Medium, High)
 * @param vector      the vector as published
 */
public record SeverityScore(String cvssVersion, double baseScore, String rating, String vector) {
}
