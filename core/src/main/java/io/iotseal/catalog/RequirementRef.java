package io.iotseal.catalog;

/** Points at one requirement of one catalog; written {@code catalog#requirement}. */
public record RequirementRef(String catalog, String requirement) {

    /**
     * Reads {@code catalog#requirement}, the one parser for this notation in every module. Spaces around
     * either part are ignored; both parts must be present and there must be exactly one {@code #}.
     *
     * @throws IllegalArgumentException naming the bad text and what is wrong with it
     */
    public static RequirementRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a requirement reference is required; write it as catalog#id");
        }
        int hash = text.indexOf('#');
        if (hash < 0) {
            throw invalid(text, "has no '#'");
        }
        if (text.indexOf('#', hash + 1) >= 0) {
            throw invalid(text, "has more than one '#'");
        }
        String catalog = text.substring(0, hash).strip();
        String requirement = text.substring(hash + 1).strip();
        if (catalog.isEmpty()) {
            throw invalid(text, "names no catalog before the '#'");
        }
        if (requirement.isEmpty()) {
            throw invalid(text, "names no requirement after the '#'");
        }
        return new RequirementRef(catalog, requirement);
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("'" + text + "' " + problem + "; write it as catalog#id");
    }

    @Override
    public String toString() {
        return catalog + "#" + requirement;
    }
}
