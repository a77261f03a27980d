package io.iotseal.scheme;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who establishes conformity for a scheme level (ISO/IEC 27404's conformity assessment options). */
public enum AssessmentRoute {
    /** The vendor declares conformity (JC-STAR ★1/★2, CLS L1/L2). */
    @JsonProperty("self-declaration") SELF_DECLARATION("self-declaration"),
    /** An accredited laboratory evaluates (JC-STAR ★3/★4, CLS L3/L4, US Cyber Trust Mark). */
    @JsonProperty("third-party") THIRD_PARTY("third-party"),
    /** The vendor declares and the operator checks plausibility (BSI IT security label). */
    @JsonProperty("plausibility-check") PLAUSIBILITY_CHECK("plausibility-check"),
    /** A legal duty the manufacturer assesses itself (UK PSTI statement of compliance). */
    @JsonProperty("legal-self-assessment") LEGAL_SELF_ASSESSMENT("legal-self-assessment");

    private final String code;

    AssessmentRoute(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
