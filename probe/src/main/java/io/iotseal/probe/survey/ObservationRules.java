package io.iotseal.probe.survey;

import java.time.Instant;
import java.util.regex.Pattern;

/** The value rules of an observation, with messages naming the field (the registry answers them as 422s). */
final class ObservationRules {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ObservationRules() {
    }

    static void check(String campaign, String scopeSha256, String address, Instant observedAt, Instant finishedAt,
                      String worker) {
        if (campaign == null || !SurveyScope.ID.matcher(campaign).matches()) {
            throw new IllegalArgumentException("campaign: '" + campaign + "' must match " + SurveyScope.ID.pattern());
        }
        if (scopeSha256 == null || !SHA256.matcher(scopeSha256).matches()) {
            throw new IllegalArgumentException("scopeSha256: must be 64 lower-case hex digits");
        }
        String canonical;
        try {
            canonical = Addresses.text(Addresses.literal(address == null ? "" : address));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address: " + e.getMessage());
        }
        // One text per address, so the registry's (campaign, address) key cannot hold one device twice.
        if (!canonical.equals(address)) {
            throw new IllegalArgumentException("address: write '" + address + "' as '" + canonical + "'");
        }
        if (observedAt == null || finishedAt == null) {
            throw new IllegalArgumentException((observedAt == null ? "observedAt" : "finishedAt") + ": required");
        }
        if (finishedAt.isBefore(observedAt)) {
            throw new IllegalArgumentException("finishedAt: " + finishedAt + " is before observedAt " + observedAt);
        }
        text("worker", worker, 200, false);
    }

    static void port(String field, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(field + ": " + port + " is outside 1-65535");
        }
    }

    static String text(String field, String value, int max, boolean blankAllowed) {
        if (value == null || (!blankAllowed && value.isBlank())) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    /** Text cut to a column's width (a reachability detail is the probe's, its length not ours to refuse). */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
