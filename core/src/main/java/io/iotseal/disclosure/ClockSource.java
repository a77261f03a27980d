package io.iotseal.disclosure;

/**
 * Where a clock or a rule comes from: a citation people can check ("Regulation (EU) 2024/2847, Art. 14(2)(a)")
 * and, where one exists, the public address of the text.
 */
public record ClockSource(String citation, String url) {
    public ClockSource {
        if (citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("a citation is required");
        }
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("url: '" + url + "' is not an http(s) address");
        }
    }
}
