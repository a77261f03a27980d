package io.iotseal.server.reporting;

import java.util.HashMap;
import java.util.Map;

/**
 * The impact a CVSS vector states, in words, for the final report's "impact" (ADR 0097): a case records no impact of
 * its own, and the vector's impact metrics are what the vendor did say. Only the metrics are read; the text says
 * where it comes from, so the manufacturer knows to add what the vector cannot say.
 */
final class CvssImpact {

    private CvssImpact() {
    }

    /** The vector's impact metrics as a sentence; null when the vector has none we read. */
    static String describe(String vector) {
        if (vector == null) {
            return null;
        }
        Map<String, String> m = metrics(vector.strip());
        if (vector.startsWith("CVSS:4.0/")) {
            String vulnerable = triad(m, "VC", "VI", "VA", false);
            String subsequent = triad(m, "SC", "SI", "SA", false);
            return vulnerable == null || subsequent == null ? null : "CVSS 4.0 impact metrics: on the vulnerable"
                    + " system " + vulnerable + "; on subsequent systems " + subsequent + ".";
        }
        String version = vector.startsWith("CVSS:3.1/") ? "3.1" : vector.startsWith("CVSS:3.0/") ? "3.0" : "2.0";
        String triad = triad(m, "C", "I", "A", version.equals("2.0"));
        return triad == null ? null : "CVSS " + version + " impact metrics: " + triad + ".";
    }

    private static String triad(Map<String, String> m, String c, String i, String a, boolean cvss2) {
        String conf = level(m.get(c), cvss2);
        String integ = level(m.get(i), cvss2);
        String avail = level(m.get(a), cvss2);
        if (conf == null || integ == null || avail == null) {
            return null;
        }
        return "confidentiality " + conf + ", integrity " + integ + ", availability " + avail;
    }

    /** CVSS 3.x and 4.0 rate an impact None, Low or High; CVSS 2.0 None, Partial or Complete. */
    private static String level(String value, boolean cvss2) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "N" -> "none";
            case "L" -> cvss2 ? null : "low";
            case "H" -> cvss2 ? null : "high";
            case "P" -> cvss2 ? "partial" : null;
            case "C" -> cvss2 ? "complete" : null;
            default -> null;
        };
    }

    private static Map<String, String> metrics(String vector) {
        String v = vector.startsWith("(") && vector.endsWith(")") ? vector.substring(1, vector.length() - 1) : vector;
        Map<String, String> m = new HashMap<>();
        for (String part : v.split("/")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                m.putIfAbsent(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        return m;
    }
}
