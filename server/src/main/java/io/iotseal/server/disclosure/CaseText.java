package io.iotseal.server.disclosure;

import io.iotseal.disclosure.CaseState;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** Small helpers the case templates share: times as the pages show them, and the states in order. */
public final class CaseText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** Every state, in the order of a case's life. */
    public static final List<String> STATES = Arrays.stream(CaseState.values()).map(Enum::name).toList();

    private CaseText() {
    }

    /** A moment in UTC to the minute; empty for none. */
    public static String time(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }

    /** The states a case in {@code state} may move to, in the order of a case's life (an EnumSet's order). */
    public static List<String> next(String state) {
        return CaseState.valueOf(state).next().stream().map(Enum::name).toList();
    }
}
