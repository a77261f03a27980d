package io.iotseal.scheme;

import io.iotseal.catalog.Coded;

/** What a recognition between schemes grants. */
public enum RecognitionEffect implements Coded {
    /** Holding the recognized label counts as complying with the recognizer's requirements. */
    DEEMED_COMPLIANCE,
    /** The two levels are treated as the same level. */
    EQUIVALENT_LEVEL,
    /** Some of the recognizer's requirements are waived for holders of the recognized status. */
    WAIVES_REQUIREMENTS,
    /** Applications are simplified (e.g. a shorter procedure); requirements are not waived as such. */
    SIMPLIFIED_APPLICATION;
}
