package io.iotseal.advisory.match;

import io.iotseal.advisory.Severity;
import us.springett.cvss.Cvss;

import java.util.List;
import java.util.Optional;

/**
 * Scores the CVSS vectors a feed states with {@code us.springett:cvss-calculator} (CVSS 2.0, 3.0, 3.1 and
 * 4.0) and picks the one a finding shows.
 */
public final class SeverityScores {
    private static final List<String> NEWEST_FIRST = List.of("4.0", "3.1", "3.0", "2.0");

    private SeverityScores() {
    }

    /**
     * The highest-version valid CVSS among them (4.0 > 3.1 > 3.0 > 2.0), scored; empty when none parses. Of two
     * vectors of the same version, the higher score.
     */
    public static Optional<SeverityScore> best(List<Severity> severities) {
        SeverityScore best = null;
        for (Severity severity : severities) {
            SeverityScore score = score(severity.vector());
            if (score != null && (best == null || rank(score) < rank(best)
                    || rank(score) == rank(best) && score.baseScore() > best.baseScore())) {
                best = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(SeverityScore s) {
        return NEWEST_FIRST.indexOf(s.cvssVersion());
    }

    /** The score of one vector, or null when the calculator rejects it. */
    static SeverityScore score(String vector) {
        if (vector == null || vector.isBlank()) {
            return null;
        }
        String v = vector.strip();
        if (v.startsWith("(") && v.endsWith(")")) {
            v = v.substring(1, v.length() - 1); // NVD wrote CVSS 2.0 vectors in parentheses
        }
        String version = v.startsWith("CVSS:4.0/") ? "4.0" : v.startsWith("CVSS:3.1/") ? "3.1"
                : v.startsWith("CVSS:3.0/") ? "3.0" : v.startsWith("AV:") ? "2.0" : null;
        if (version == null) {
            return null;
        }
        try {
            Cvss cvss = Cvss.fromVector(v);
            if (cvss == null) {
                return null;
            }
            double base = cvss.calculateScore().getBaseScore();
            return new SeverityScore(version, base, rating(version, base), vector);
        } catch (RuntimeException e) {
            return null; // MalformedVectorException and the like: not a valid vector, so not a score
        }
    }

    /**
     * CVSS 3.x and 4.0 specifications' qualitative severity rating scale; CVSS 2.0 defines none, so NVD's
     * (Low below 4.0, Medium below 7.0, High) is used.
     */
    static String rating(String version, double score) {
        if (version.equals("2.0")) {
            return score < 4.0 ? "Low" : score < 7.0 ? "Medium" : "High";
        }
        if (score == 0.0) {
            return "None";
        }
        return score < 4.0 ? "Low" : score < 7.0 ? "Medium" : score < 9.0 ? "High" : "Critical";
    }
}
