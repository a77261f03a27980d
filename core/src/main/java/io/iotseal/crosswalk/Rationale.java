package io.iotseal.crosswalk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why two requirements were matched (NIST IR 8278A): by wording, by meaning or by function. */
public enum Rationale {
    @JsonProperty("syntactic") SYNTACTIC,
    @JsonProperty("semantic") SEMANTIC,
    @JsonProperty("functional") FUNCTIONAL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
