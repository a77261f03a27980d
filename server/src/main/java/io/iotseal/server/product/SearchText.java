package io.iotseal.server.product;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text product search matches against: names and model numbers, NFKC-normalised (so full-width
 * "ＷＲ－１" finds "WR-1", as Japanese users type it) and lower-cased. Queries are normalised the
 * same way and their LIKE wildcards escaped, so "%" or "_" are searched for literally.
 */
final class SearchText {

    private SearchText() {
    }

    static String of(String nameEn, String nameJa, List<String> modelNumbers) {
        String joined = Stream.concat(Stream.of(nameEn, nameJa), modelNumbers.stream())
                .filter(Objects::nonNull).collect(Collectors.joining(" \u0001 "));
        return normalize(joined);
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern that matches the query anywhere, with {@code \} as the escape character. */
    static String containsPattern(String query) {
        String q = normalize(query.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + q + "%";
    }
}
