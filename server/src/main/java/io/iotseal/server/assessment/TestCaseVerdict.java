package io.iotseal.server.assessment;

import io.iotseal.catalog.Coded;

/** The verdicts of an ETSI TS 103 701 test case; inconclusive means the lab could not decide. */
public enum TestCaseVerdict implements Coded {
    PASS,
    FAIL,
    NOT_APPLICABLE,
    INCONCLUSIVE
}
