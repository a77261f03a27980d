package io.iotseal.coverage;

import io.iotseal.catalog.Coded;

/** The result recorded for one requirement in an assessment. */
public enum Verdict implements Coded {
    PASS,
    FAIL,
    NOT_APPLICABLE,
    NOT_ASSESSED;
}
