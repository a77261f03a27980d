package io.iotseal.server.label;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A recorded requirement change and what it did: {@code lapseAfter} is the scheme data's period, and
 * {@code labels} the labels that now lapse after {@code lastValidDay} unless renewed or updated (labels
 * that already lapsed earlier are left as they were).
 */
public record RequirementChangeView(UUID id, String scheme, String level, LocalDate changedOn, String lapseAfter,
                                    String note, String reference, OffsetDateTime recordedAt, List<Lapsing> labels) {

    public record Lapsing(UUID id, String labelId, String registrationNumber, LocalDate lastValidDay) {
    }
}
