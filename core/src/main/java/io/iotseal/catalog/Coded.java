package io.iotseal.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum whose data-file spelling is its name in lower case with dashes
 * ({@code VERIFIED_TWO_SOURCES} is written {@code verified-two-sources}). Jackson reads and writes
 * that spelling through {@link #code()}.
 */
public interface Coded {
    String name();

    @JsonValue
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
