package io.iotseal.scheme;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a recognition between schemes grants. */
public enum RecognitionEffect {
    /** Holding the recognized label counts as complying with the recognizer's requirements. */
    @JsonProperty("deemed-compliance") DEEMED_COMPLIANCE("deemed-compliance"),
    /** The two levels are treated as the same level. */
    @JsonProperty("equivalent-level") EQUIVALENT_LEVEL("equivalent-level"),
    /** Some of the recognizer's requirements are waived for holders of the recognized status. */
    @JsonProperty("waives-requirements") WAIVES_REQUIREMENTS("waives-requirements"),
    /** Applications are simplified (e.g. a shorter procedure); requirements are not waived as such. */
    @JsonProperty("simplified-application") SIMPLIFIED_APPLICATION("simplified-application");

    private final String code;

    RecognitionEffect(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
