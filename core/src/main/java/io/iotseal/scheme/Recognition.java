package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.LocalizedText;
import java.time.LocalDate;
import java.util.List;

/**
 * A mutual-recognition rule: the {@code recognizer} level grants {@code effect} to holders of the
 * {@code recognized} level, from {@code effective} on.
 */
public record Recognition(
        String id,
        String recognizer,
        String recognized,
        RecognitionEffect effect,
        List<Waiver> waives,
        LocalDate effective,
        Confidence confidence,
        List<String> sources,
        LocalizedText note) {

    public Recognition {
        identifier(id, "id");
        LevelRef.parse(required(recognizer, "recognizer"));
        LevelRef.parse(required(recognized, "recognized"));
        required(effect, "effect");
        required(confidence, "confidence");
        waives = listOrEmpty(waives);
        sources = listOrEmpty(sources);
        if (effect == RecognitionEffect.WAIVES_REQUIREMENTS && waives.isEmpty()) {
            throw new IllegalArgumentException("effect waives-requirements needs a 'waives' list");
        }
    }

    public LevelRef recognizerLevel() {
        return LevelRef.parse(recognizer);
    }

    public LevelRef recognizedLevel() {
        return LevelRef.parse(recognized);
    }
}
