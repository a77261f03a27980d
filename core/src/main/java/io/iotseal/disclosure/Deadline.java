package io.iotseal.disclosure;

import io.iotseal.catalog.LocalizedText;
import java.time.Instant;

/**
 * One clock of a case, computed at an instant.
 *
 * @param regime    the regime or scheme whose rule it is ({@code cra-art14}, {@code jc-star}, {@code default})
 * @param clock     the rule: id, duty, the moments that start and meet it, its length and source
 * @param startedAt when the clock started; null when it has not
 * @param due       the due instant; null when the clock has not started or does not apply (see {@link #waiting})
 * @param metAt     when it was met; null when it has not been
 * @param state     where it stands
 * @param waiting   why there is no due instant; null when there is one
 * @param reason    the same in an English sentence (for logs and the command line); null when there is a due instant
 */
public record Deadline(String regime, ClockRule clock, Instant startedAt, Instant due, Instant metAt,
                       DeadlineState state, Waiting waiting, String reason) {

    /** Why a deadline has no due instant. The server shows it through its message bundles, keyed by the name. */
    public enum Waiting {
        /** The moment that makes the clock relevant (e.g. awareness of exploitation) is not recorded. */
        TRIGGER_NOT_RECORDED,
        /** The moment that starts the clock is not recorded. */
        START_NOT_RECORDED,
        /** The trigger happened before the regime applied. */
        BEFORE_REGIME_APPLIES
    }

    public String clockId() {
        return clock.id();
    }

    public LocalizedText duty() {
        return clock.duty();
    }

    public ClockSource source() {
        return clock.source();
    }

    /** True when no regulation or scheme publishes this period: it is IoTSeal's default. */
    public boolean iotsealDefault() {
        return clock.iotsealDefault();
    }
}
