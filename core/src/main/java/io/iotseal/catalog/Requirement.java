package io.iotseal.catalog;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.mapOrEmpty;
import static io.iotseal.catalog.Checks.required;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One requirement (provision, control, criterion, outcome) of a catalog: its identifier, our short
 * title and one-line paraphrase (never the standard's own text), its status and where the facts
 * come from. An item whose content was not retrieved has no title or paraphrase and says so.
 */
public record Requirement(
        String id,
        String group,
        LocalizedText title,
        LocalizedText paraphrase,
        Status status,
        Confidence confidence,
        List<String> sources,
        Map<String, Object> properties,
        String note) {

    public Requirement {
        identifier(id, "id");
        required(confidence, "confidence");
        if (confidence != Confidence.NOT_RETRIEVED) {
            required(title, "title");
            required(paraphrase, "paraphrase");
        } else {
            required(note, "note (say what was not retrieved)");
        }
        sources = listOrEmpty(sources);
        properties = mapOrEmpty(properties);
        for (var entry : properties.entrySet()) {
            Object value = entry.getValue();
            boolean ok = value instanceof String
                    || (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance));
            if (!ok) {
                throw new IllegalArgumentException("property '" + entry.getKey() + "' must be a string or a list of strings");
            }
        }
    }

    /** Whether the requirement's content is known (title and paraphrase present). */
    public boolean isKnown() {
        return confidence != Confidence.NOT_RETRIEVED;
    }

    /** The title in {@code language} (English fallback), or a marker when the content is unknown. */
    public String titleIn(String language) {
        return title == null ? "(not retrieved)" : title.in(language);
    }

    public Optional<Status> statusIfAny() {
        return Optional.ofNullable(status);
    }

    /** A property's values as a list (a single string becomes a one-element list). */
    public List<String> property(String name) {
        Object value = properties.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        return ((List<?>) value).stream().map(String.class::cast).toList();
    }
}
