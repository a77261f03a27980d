package io.iotseal.server.registry;

import io.iotseal.server.web.ApiException;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A label's status as the registry reports it, the same four words as the label JSON: the stored state
 * (active, suspended, revoked) and, for an active label, whether its expiry day has passed (UTC).
 */
enum LabelStatus {
    VALID, SUSPENDED, REVOKED, EXPIRED;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the label table's {@code status} column and expiry day, as of {@code today} (UTC). */
    static LabelStatus of(String stored, LocalDate expiry, LocalDate today) {
        return switch (stored) {
            case "REVOKED" -> REVOKED;
            case "SUSPENDED" -> SUSPENDED;
            default -> expiry.isBefore(today) ? EXPIRED : VALID;
        };
    }

    static LabelStatus parse(String field, String text) {
        for (LabelStatus s : values()) {
            if (s.word().equals(text.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw ApiException.invalid(field, "one of valid, suspended, revoked, expired");
    }
}
