package io.iotseal.catalog;

import java.util.List;
import java.util.Map;

/**
 * Small argument checks used by the data records. Their messages name the field, because they
 * end up in the error a user sees when a data file is wrong.
 */
public final class Checks {
    private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9.()_-]*";

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    /** Checks an identifier: letters, digits and . ( ) _ - only, so it is safe in URLs and files. */
    public static String identifier(String value, String field) {
        required(value, field);
        if (!value.matches(ID_PATTERN)) {
            throw new IllegalArgumentException(field + " '" + value + "' may contain only letters, digits and . ( ) _ -");
        }
        return value;
    }

    /** Checks a data file's {@code format} field, so that a file of another kind or version is refused. */
    public static void format(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("format must be '" + expected + "', found '" + actual + "'");
        }
    }

    public static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static <K, V> Map<K, V> mapOrEmpty(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
