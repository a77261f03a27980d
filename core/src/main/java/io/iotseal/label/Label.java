package io.iotseal.label;

import io.iotseal.scheme.LevelRef;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.Instant;

/**
 * An issued label: what the credential and the QR token state. {@code expiry} is the last day the
 * label is valid (through 23:59:59 UTC). {@code statusIndex} is the label's position in the
 * operator's status lists, allocated by whoever issues (the registry).
 */
public record Label(String id, String registrationNumber, LevelRef level, Product product, LocalDate issued,
                    LocalDate expiry, int statusIndex) {
    public Label {
        LabelLimits.checkIdentifier(id, "id", LabelLimits.ID_CHARS);
        LabelLimits.checkText(registrationNumber, "registrationNumber", 48);
        if (level == null) {
            throw new IllegalArgumentException("missing required field 'level'");
        }
        if (product == null) {
            throw new IllegalArgumentException("missing required field 'product'");
        }
        if (issued == null || expiry == null) {
            throw new IllegalArgumentException("missing required field '" + (issued == null ? "issued" : "expiry") + "'");
        }
        if (expiry.isBefore(issued)) {
            throw new IllegalArgumentException("expiry " + expiry + " is before the issue date " + issued);
        }
        if (statusIndex < 0 || statusIndex >= io.iotseal.label.status.BitstringStatusList.MAX_ENTRIES) {
            throw new IllegalArgumentException("statusIndex " + statusIndex + " is outside the status list");
        }
    }

    /** When the label starts to be valid: the start of its issue day, UTC. */
    public Instant validFrom() {
        return startOfDay(issued);
    }

    /** When it stops: the end of its expiry day, UTC. */
    public Instant validUntil() {
        return endOfDay(expiry);
    }

    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    }
}
