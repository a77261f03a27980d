package io.iotseal.label;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Size limits of a label's fields. They exist so that the worst-case label still fits a QR code of
 * version 15 at error correction M with its signed token (ADR 0031; measured in QrFitTest), and so
 * that no input can make issuing or verifying expensive. Text limits are in UTF-8 bytes, since the
 * QR carries bytes: a Japanese character counts three.
 */
public final class LabelLimits {
    public static final int ID_CHARS = 12;
    public static final int PRODUCT_ID_CHARS = 12;
    public static final int VENDOR_BYTES = 40;
    public static final int NAME_BYTES = 60;
    public static final int MAX_MODELS = 200;
    public static final int MODEL_BYTES = 32;
    public static final int MAX_VERSIONS = 10;
    public static final int VERSION_BYTES = 24;
    /** The https base of public label pages, e.g. https://registry.example.org/l/ */
    public static final int BASE_URL_CHARS = 40;

    private LabelLimits() {
    }

    /** Non-blank, printable (no control characters), at most {@code maxBytes} UTF-8 bytes. */
    public static String checkText(String value, String field, int maxBytes) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(field + " '" + value + "' has leading or trailing spaces");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new IllegalArgumentException(field + " contains control or invisible format characters");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(field + " is " + bytes + " bytes in UTF-8, over the limit of " + maxBytes
                    + " (labels must fit a small QR code)");
        }
        return value;
    }

    public static List<String> checkList(List<String> values, String field, int minEntries, int maxEntries, int maxBytes) {
        List<String> list = values == null ? List.of() : values;
        if (list.size() < minEntries) {
            throw new IllegalArgumentException(field + " needs at least " + minEntries + " entr" + (minEntries == 1 ? "y" : "ies"));
        }
        if (list.size() > maxEntries) {
            throw new IllegalArgumentException(field + " has " + list.size() + " entries, over the limit of " + maxEntries);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            checkText(list.get(i), field + "[" + i + "]", maxBytes);
            if (!seen.add(list.get(i))) {
                throw new IllegalArgumentException(field + "[" + i + "] '" + list.get(i) + "' is listed twice");
            }
        }
        return List.copyOf(list);
    }

    public static String checkIdentifier(String value, String field, int maxChars) {
        if (value == null || !value.matches("[A-Z0-9][A-Z0-9-]{0," + (maxChars - 1) + "}")) {
            throw new IllegalArgumentException(field + " '" + value + "' must be 1-" + maxChars
                    + " upper-case letters, digits and hyphens");
        }
        return value;
    }
}
