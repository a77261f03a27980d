package io.iotseal.applicability;

import io.iotseal.catalog.Coded;

/** Whether a requirement applies to a product, given what the product declared. */
public enum Applicability implements Coded {
    APPLIES("applies"),
    NOT_APPLICABLE("not applicable"),
    /** A feature or condition the requirement depends on was not declared. */
    UNDETERMINED("undetermined");

    private final String label;

    Applicability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
