package io.iotseal.csaf;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CSAF document's file name from its tracking id (CSAF 2.0 section 5.1): lower-cased first, then every run
 * of characters other than {@code a-z}, {@code 0-9}, {@code +} and {@code -} replaced by one underscore, then
 * {@code .json}.
 */
public final class CsafFileName {

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^+\\-a-z0-9]+");

    private CsafFileName() {
    }

    public static String of(String trackingId) {
        if (trackingId == null || trackingId.isBlank()) {
            throw new IllegalArgumentException("trackingId: a CSAF document needs a tracking id");
        }
        return NOT_ALLOWED.matcher(trackingId.toLowerCase(Locale.ROOT)).replaceAll("_") + ".json";
    }
}
