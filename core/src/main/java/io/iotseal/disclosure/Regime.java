package io.iotseal.disclosure;

import io.iotseal.catalog.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * A regulation's reporting clocks, which apply to every case whatever the scheme (CRA Article 14).
 *
 * @param id          e.g. {@code cra-art14}
 * @param name        its name for people
 * @param appliesFrom the first instant it applies; a clock whose trigger is earlier gets no due date; null: always
 * @param source      the regulation
 * @param clocks      its clocks, in the data's order
 */
public record Regime(String id, LocalizedText name, Instant appliesFrom, ClockSource source, List<ClockRule> clocks) {
    public Regime {
        clocks = List.copyOf(clocks);
    }
}
