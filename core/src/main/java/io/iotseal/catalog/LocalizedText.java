package io.iotseal.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A short text in one or more languages. English is required: it is the fallback whenever a
 * translation does not exist (Japanese names are recorded only where a real Japanese name exists).
 */
public final class LocalizedText {
    public static final String ENGLISH = "en";

    private final Map<String, String> byLanguage;

    @JsonCreator
    public LocalizedText(Map<String, String> byLanguage) {
        if (byLanguage == null || blank(byLanguage.get(ENGLISH))) {
            throw new IllegalArgumentException("an English text ('en') is required");
        }
        for (var entry : byLanguage.entrySet()) {
            if (!entry.getKey().matches("[a-z]{2}(-[A-Za-z]{2,8})?")) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is not a language code such as en or ja");
            }
            if (blank(entry.getValue())) {
                throw new IllegalArgumentException("the '" + entry.getKey() + "' text is empty");
            }
        }
        this.byLanguage = Map.copyOf(new LinkedHashMap<>(byLanguage));
    }

    public static LocalizedText english(String text) {
        return new LocalizedText(Map.of(ENGLISH, text));
    }

    /** The English text. */
    public String en() {
        return byLanguage.get(ENGLISH);
    }

    /** The text in {@code language} if it exists. */
    public Optional<String> exactly(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** The text in {@code language}, or the English text when there is no such translation. */
    public String in(String language) {
        return byLanguage.getOrDefault(language, en());
    }

    @JsonValue
    public Map<String, String> asMap() {
        return byLanguage;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText other && other.byLanguage.equals(byLanguage);
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }

    @Override
    public String toString() {
        return en();
    }
}
