package io.iotseal.scheme;

import io.iotseal.catalog.Coded;

/** Who establishes conformity for a scheme level (ISO/IEC 27404's conformity assessment options). */
public enum AssessmentRoute implements Coded {
    /** The vendor declares conformity (JC-STAR ★1/★2, CLS L1/L2). */
    SELF_DECLARATION,
    /** An accredited laboratory evaluates (JC-STAR ★3/★4, CLS L3/L4, US Cyber Trust Mark). */
    THIRD_PARTY,
    /** The vendor declares and the operator checks plausibility (BSI IT security label). */
    PLAUSIBILITY_CHECK,
    /** A legal duty the manufacturer assesses itself (UK PSTI statement of compliance). */
    LEGAL_SELF_ASSESSMENT;
}
