package io.iotseal.scheme;

/** A reference to a scheme level written "scheme:level", e.g. {@code jc-star:star-1}. */
public record LevelRef(String scheme, String level) {
    public static LevelRef parse(String text) {
        if (text == null || !text.matches("[a-z0-9-]+:[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("'" + text + "' is not a scheme level reference such as jc-star:star-1");
        }
        int colon = text.indexOf(':');
        return new LevelRef(text.substring(0, colon), text.substring(colon + 1));
    }

    public static boolean looksLikeOne(String text) {
        return text != null && text.contains(":");
    }

    @Override
    public String toString() {
        return scheme + ":" + level;
    }
}
