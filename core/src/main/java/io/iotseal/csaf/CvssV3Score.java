package io.iotseal.csaf;

import us.springett.cvss.Cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A CVSS 3.0 or 3.1 vector with its base score and severity, computed by {@code us.springett:cvss-calculator}
 * (the CSAF mandatory test 6.1.9 recomputes them and refuses a document whose stated values differ).
 */
record CvssV3Score(String version, String vector, BigDecimal baseScore, String baseSeverity) {

    private static final Pattern BASE_VECTOR = Pattern.compile(
            "^CVSS:3\\.[01]/AV:[NALP]/AC:[LH]/PR:[NLH]/UI:[NR]/S:[UC]/C:[NLH]/I:[NLH]/A:[NLH]$");

    static CvssV3Score of(String vector) {
        String v = vector.strip();
        String version = v.startsWith("CVSS:3.1/") ? "3.1" : v.startsWith("CVSS:3.0/") ? "3.0" : null;
        if (version == null) {
            throw new IllegalArgumentException("cvssV3Vector: \"" + vector
                    + "\" is not a CVSS 3.0 or 3.1 vector (it must start with CVSS:3.1/ or CVSS:3.0/)");
        }
        // Base metrics only, in the specification's order: temporal or environmental metrics would need their
        // own scores in the document, which the mandatory test 6.1.9 also recomputes.
        if (!BASE_VECTOR.matcher(v).matches()) {
            throw new IllegalArgumentException("cvssV3Vector: \"" + vector + "\" is not a CVSS " + version
                    + " base vector (AV, AC, PR, UI, S, C, I, A in that order)");
        }
        Cvss cvss = Cvss.fromVector(v);
        // One decimal, as CVSS rounds up to; BigDecimal so the JSON says 9.8, not 9.800000000000001.
        BigDecimal score = BigDecimal.valueOf(cvss.calculateScore().getBaseScore()).setScale(1, RoundingMode.HALF_UP);
        return new CvssV3Score(version, v, score, severity(score.doubleValue()));
    }

    /** The CVSS 3.x qualitative severity rating scale, in the upper case the CVSS JSON schema uses. */
    static String severity(double score) {
        if (score == 0.0) {
            return "NONE";
        }
        return score < 4.0 ? "LOW" : score < 7.0 ? "MEDIUM" : score < 9.0 ? "HIGH" : "CRITICAL";
    }
}
