package io.iotseal.assessment;

import io.iotseal.scheme.LevelRef;

/**
 * What an assessment is against: a scheme level ("jc-star:star-1") or a whole catalog
 * ("etsi-en-303-645"). Written as text so that files and the API share one spelling.
 */
public record Target(String text) {

    public Target {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("target: required (a scheme level such as jc-star:star-1 or a catalog id)");
        }
        text = text.strip();
    }

    public static Target parse(String text) {
        return new Target(text);
    }

    public boolean isLevel() {
        return LevelRef.looksLikeOne(text);
    }

    public LevelRef level() {
        return LevelRef.parse(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
