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
 * {@code recognized} level, from {@code effective} on. A recognition that waives requirements is a
 * route of its own (JC-STAR's PSTI route): the waived criteria are answered by reference to the
 * recognized conformity, and {@code supportingDocument} names the document that proves it (the UK
 * PSTI statement of compliance), which the vendor attaches as evidence.
 */
public record Recognition(
        String id,
        String recognizer,
        String recognized,
        RecognitionEffect effect,
        List<Waiver> waives,
        LocalizedText supportingDocument,
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
        if (!waives.isEmpty() && effective == null) {
            throw new IllegalArgumentException("a recognition that waives requirements needs 'effective': "
                    + "criteria are answered by it only from that day on");
        }
        if (!waives.isEmpty() && supportingDocument == null) {
            throw new IllegalArgumentException("a recognition that waives requirements needs 'supportingDocument': "
                    + "the document a vendor attaches to show the recognized conformity");
        }
        if (!waives.isEmpty() && effect != RecognitionEffect.WAIVES_REQUIREMENTS) {
            throw new IllegalArgumentException("'waives' is only for effect waives-requirements, not " + effect.code());
        }
    }

    public LevelRef recognizerLevel() {
        return LevelRef.parse(recognizer);
    }

    public LevelRef recognizedLevel() {
        return LevelRef.parse(recognized);
    }

    /** Whether the recognition is known to have effect on {@code day} (not when its start date is unknown). */
    public boolean inForceOn(LocalDate day) {
        return effective != null && !day.isBefore(effective);
    }

    /** Whether this recognition waives {@code catalog#id}. */
    public boolean waives(String catalog, String id) {
        return waives.stream().anyMatch(w -> w.catalog().equals(catalog) && w.ids().contains(id));
    }
}
