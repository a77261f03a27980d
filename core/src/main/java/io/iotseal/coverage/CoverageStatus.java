package io.iotseal.coverage;

import io.iotseal.catalog.Coded;

/** What is known about a target requirement after inference. */
public enum CoverageStatus implements Coded {
    MET("met"),
    PARTIALLY_MET("partially met"),
    NOT_MET("not met"),
    /** Only for a requirement assessed directly as not applicable. */
    NOT_APPLICABLE("not applicable"),
    /** Nothing can be inferred: no mapping, or none that carries the verdict. */
    UNKNOWN("unknown");

    private final String label;

    CoverageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
