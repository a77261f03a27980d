package io.iotseal.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How long a clock runs, as ISO-8601 text: hours as a duration ({@code PT24H}), days or months as a period
 * ({@code P14D}, {@code P1M}). Added in UTC: a day is 24 hours and a month ends on the same date of the next
 * month (the last day when that month is shorter), so summer time never moves a deadline (ADR 0097).
 */
public record ClockLength(String text, Period period, Duration duration) {

    public static ClockLength parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a length such as PT24H, P14D or P1M is required");
        }
        try {
            if (text.contains("T")) {
                Duration d = Duration.parse(text);
                return check(new ClockLength(text, Period.ZERO, d));
            }
            Period p = Period.parse(text);
            return check(new ClockLength(text, p, Duration.ZERO));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 length such as PT24H, P14D or P1M");
        }
    }

    private static ClockLength check(ClockLength length) {
        if (length.period.isNegative() || length.duration.isNegative()
                || (length.period.isZero() && length.duration.isZero())) {
            throw new IllegalArgumentException("'" + length.text + "' must be longer than zero");
        }
        return length;
    }

    /** The instant this length after {@code start}. */
    public Instant after(Instant start) {
        return start.atZone(ZoneOffset.UTC).plus(period).toInstant().plus(duration);
    }

    @Override
    public String toString() {
        return text;
    }
}
