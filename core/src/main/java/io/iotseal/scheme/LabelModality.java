package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.LocalizedText;
import java.util.List;

/** Which ISO/IEC 27404 label type a scheme's label is, with where that comes from. */
public record LabelModality(Modality modality, Confidence confidence, List<String> sources, LocalizedText note) {
    public LabelModality {
        required(modality, "modality");
        required(confidence, "confidence");
        sources = listOrEmpty(sources);
    }
}
