package io.iotseal.disclosure;

import io.iotseal.catalog.LocalizedText;
import io.iotseal.disclosure.Deadline.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One reporting clock as the data states it: it matters once {@code trigger} is recorded, runs {@code within}
 * from {@code start}, and is met by {@code metBy}.
 *
 * @param id             unique within its regime or scheme
 * @param trigger        the moment that makes the clock relevant (the CRA final report needs an actively
 *                       exploited vulnerability even though its clock starts with the corrective measure)
 * @param start          the moment that starts it
 * @param metBy          the moment that meets it
 * @param within         its length
 * @param duty           what has to be done, our own paraphrase
 * @param source         where the rule (or, for a default, the practice without a number) comes from; may be
 *                       null only for an IoTSeal default
 * @param iotsealDefault true when no regulation or scheme publishes the period
 */
public record ClockRule(String id, Moment trigger, Moment start, Moment metBy, ClockLength within,
                        LocalizedText duty, ClockSource source, boolean iotsealDefault) {

    /**
     * The deadline for a case with these {@code moments} at {@code now}. {@code appliesFrom} is when the regime
     * began to apply (null: always); {@code dueSoonFraction} the share of the length that counts as due soon.
     */
    Deadline evaluate(String regime, Instant appliesFrom, Map<Moment, Instant> moments, Instant now,
                      double dueSoonFraction) {
        Instant triggeredAt = moments.get(trigger);
        Instant startedAt = moments.get(start);
        Instant metAt = moments.get(metBy);
        if (triggeredAt == null) {
            return new Deadline(regime, this, null, null, metAt, DeadlineState.NOT_STARTED,
                    Waiting.TRIGGER_NOT_RECORDED, "not started: the case records no " + trigger);
        }
        if (appliesFrom != null && triggeredAt.isBefore(appliesFrom)) {
            return new Deadline(regime, this, null, null, metAt, DeadlineState.NOT_APPLICABLE,
                    Waiting.BEFORE_REGIME_APPLIES, "no clock: " + trigger + " at " + triggeredAt
                    + " is before " + appliesFrom + ", when " + regime + " began to apply");
        }
        if (startedAt == null) {
            return new Deadline(regime, this, null, null, metAt, DeadlineState.NOT_STARTED,
                    Waiting.START_NOT_RECORDED, "not started: the case records no " + start);
        }
        Instant due = within.after(startedAt);
        return new Deadline(regime, this, startedAt, due, metAt, state(startedAt, due, metAt, now, dueSoonFraction),
                null, null);
    }

    private static DeadlineState state(Instant startedAt, Instant due, Instant metAt, Instant now, double fraction) {
        if (metAt != null) {
            return metAt.isAfter(due) ? DeadlineState.MET_LATE : DeadlineState.MET;
        }
        if (now.isAfter(due)) {
            return DeadlineState.OVERDUE;
        }
        Duration length = Duration.between(startedAt, due);
        Duration left = Duration.between(now, due);
        // left <= fraction × length, compared in milliseconds so 0.25 of 24 h is exactly 6 h.
        return left.toMillis() <= Math.round(length.toMillis() * fraction) ? DeadlineState.DUE_SOON : DeadlineState.PENDING;
    }
}
