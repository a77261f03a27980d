package io.iotseal.server.assessment;

import io.iotseal.catalog.Coded;

/** ETSI TS 103 701's two kinds of assessment: of the documentation (conceptual) and of the device (functional). */
public enum TestCaseKind implements Coded {
    CONCEPTUAL,
    FUNCTIONAL
}
