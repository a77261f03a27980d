package io.iotseal.probe.survey;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The scope rules on ports and checks, kept apart so the record reads as the list of its fields. */
final class ScopeRules {
    private ScopeRules() {
    }

    static List<Integer> ports(List<Integer> ports) {
        if (ports == null || ports.isEmpty()) {
            throw new IllegalArgumentException("ports: name at least one TCP port");
        }
        TreeSet<Integer> unique = new TreeSet<>();
        for (int i = 0; i < ports.size(); i++) {
            Integer p = ports.get(i);
            if (p == null || p < 1 || p > 65535) {
                throw new IllegalArgumentException("ports[" + i + "]: " + p + " is outside 1-65535");
            }
            if (!unique.add(p)) {
                throw new IllegalArgumentException("ports[" + i + "]: " + p + " is listed twice");
            }
        }
        return List.copyOf(unique);
    }

    static List<String> checks(List<String> checks) {
        // An empty list means "every check" to the probe, brute force included: a survey names its checks.
        if (checks == null || checks.isEmpty()) {
            throw new IllegalArgumentException("checks: name at least one of " + new TreeSet<>(SurveyChecks.ALLOWED));
        }
        TreeSet<String> unique = new TreeSet<>();
        for (int i = 0; i < checks.size(); i++) {
            String c = Objects.requireNonNullElse(checks.get(i), "");
            if (c.equals("brute-force-resistance")) {
                throw new IllegalArgumentException("checks[" + i + "]: not allowed in a survey: "
                        + SurveyChecks.BRUTE_FORCE_EXCLUDED);
            }
            if (!SurveyChecks.ALLOWED.contains(c)) {
                throw new IllegalArgumentException("checks[" + i + "]: '" + c + "' is not a survey check; allowed: "
                        + String.join(", ", new TreeSet<>(SurveyChecks.ALLOWED)));
            }
            if (!unique.add(c)) {
                throw new IllegalArgumentException("checks[" + i + "]: '" + c + "' is listed twice");
            }
        }
        return List.copyOf(unique);
    }
}
