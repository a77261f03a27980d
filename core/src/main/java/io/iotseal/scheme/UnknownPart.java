package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.LocalizedText;
import java.util.List;

/** A part of a level's requirements that is known to exist but whose content is not known. */
public record UnknownPart(LocalizedText note, List<String> sources) {
    public UnknownPart {
        required(note, "note");
        sources = listOrEmpty(sources);
    }
}
