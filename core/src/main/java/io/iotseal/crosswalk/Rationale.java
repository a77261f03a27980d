package io.iotseal.crosswalk;

import io.iotseal.catalog.Coded;

/** Why two requirements were matched (NIST IR 8278A): by wording, by meaning or by function. */
public enum Rationale implements Coded {
    SYNTACTIC,
    SEMANTIC,
    FUNCTIONAL
}
