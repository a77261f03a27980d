package io.iotseal.assessment;

import io.iotseal.catalog.Coded;

/** Who takes part in an assessment; each transition belongs to one party. */
public enum Party implements Coded {
    VENDOR,
    OPERATOR,
    LAB
}
