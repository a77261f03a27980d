package io.iotseal.server.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the public registry pages (templates registry/*.jte, ADR 0084) show. Public only because the
 * compiled templates live in jte's own package; built by {@link RegistryPages}.
 */
public final class RegistryView {

    private RegistryView() {
    }

    /** One label in a list: the product it is for, its level and its status today. */
    public record Result(String labelId, String registrationNumber, String scheme, String level, String status,
                         String vendor, UUID productId, String product, String category, List<String> models,
                         LocalDate validUntil, LocalDate supportEnd) {
    }

    /** One choice of a facet's select; {@code value} empty for "any". */
    public record Option(String value, String text, boolean selected) {
    }

    /** The levels of one scheme, shown as an optgroup. */
    public record LevelGroup(String scheme, List<Option> levels) {
    }

    /**
     * The search form as the visitor filled it in (the typed values kept), the errors by field, and the
     * results: {@code count} is exact unless {@code more}, then "more than count".
     */
    public record Search(String q, String searchedAs, List<Option> schemes, List<LevelGroup> levels, List<Option> statuses,
                         List<Option> categories, String vendor, String validUntilAfter, String validUntilBefore,
                         Map<String, String> errors, long count, boolean more, List<Result> results, int page,
                         String previous, String next) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean anyLevelSelected() {
            return levels.stream().anyMatch(g -> g.levels().stream().anyMatch(Option::selected));
        }
    }

    /** A public product with its labels. */
    public record Product(UUID id, String name, String otherName, String vendor, String category, List<String> models,
                          List<String> versions, LocalDate supportEnd, String vulnerabilityUrl,
                          String vulnerabilityContact, String vulnerabilityKeyFingerprint, List<Result> labels) {

        /** Only an https address becomes a link; anything else is shown as text. */
        public boolean vulnerabilityUrlIsLink() {
            return vulnerabilityUrl != null && vulnerabilityUrl.startsWith("https://");
        }
    }
}
