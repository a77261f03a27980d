package io.iotseal.catalog;

/** Points at one requirement of one catalog; written {@code catalog#requirement}. */
public record RequirementRef(String catalog, String requirement) {
    @Override
    public String toString() {
        return catalog + "#" + requirement;
    }
}
