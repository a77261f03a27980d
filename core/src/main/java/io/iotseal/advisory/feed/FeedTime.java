package io.iotseal.advisory.feed;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Feed timestamps: RFC 3339 (OSV, KEV, JVN, where JVN may leave out seconds) and NVD's form without zone. */
final class FeedTime {

    private FeedTime() {
    }

    /**
     * Parses {@code 2024-01-02T03:04:05Z}, {@code 2024-01-02T12:00+09:00}, or NVD's {@code 2024-01-02T03:04:05.123}
     * (no zone: UTC, as NVD's API documentation states).
     *
     * @throws DateTimeParseException when the text is neither
     */
    static Instant parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11); // RFC 3339 allows a space for readability
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException zoned) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException local) {
                throw zoned;
            }
        }
    }
}
