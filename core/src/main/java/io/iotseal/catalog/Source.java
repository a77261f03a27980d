package io.iotseal.catalog;

import static io.iotseal.catalog.Checks.required;

/** A document or page that facts in a data file come from, referenced by its short {@code id}. */
public record Source(String id, String title, String url) {
    /** The source id that marks IoTSeal's own reasoning rather than a published document. */
    public static final String OWN_ANALYSIS = "own-analysis";

    public Source {
        required(id, "id");
        required(title, "title");
        if (url != null && !url.matches("https?://\\S+")) {
            throw new IllegalArgumentException("url '" + url + "' is not an http(s) address");
        }
    }
}
