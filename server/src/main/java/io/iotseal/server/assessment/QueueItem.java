package io.iotseal.server.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An assessment in the operator's work queue (ADR 0086): since when it has waited in its state (its last
 * transition, or its creation) and for how long, in whole days and hours.
 */
public record QueueItem(AssessmentView assessment, OffsetDateTime waitingSince, long days, long hours) {

    static QueueItem of(AssessmentView a, OffsetDateTime now) {
        OffsetDateTime since = a.transitions().isEmpty() ? a.createdAt() : a.transitions().getLast().at();
        Duration waited = Duration.between(since, now);
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        return new QueueItem(a, since, waited.toDays(), waited.toHoursPart());
    }
}
