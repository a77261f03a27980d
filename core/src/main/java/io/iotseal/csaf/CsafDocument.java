package io.iotseal.csaf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A CSAF document as written: its bytes (UTF-8 JSON), its file name, and the folder year (of the initial
 * release, CSAF 2.0 requirement 11).
 */
public record CsafDocument(String trackingId, String fileName, int year, Instant currentReleaseDate, String json) {

    /** The path under the provider's directory: {@code <year>/<file name>}, as index.txt and changes.csv list it. */
    public String path() {
        return year + "/" + fileName;
    }

    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
