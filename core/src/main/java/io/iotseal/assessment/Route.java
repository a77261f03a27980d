package io.iotseal.assessment;

import io.iotseal.catalog.Coded;
import io.iotseal.scheme.AssessmentRoute;

/**
 * The two ways through an assessment. A scheme's own route decides which one: a lab evaluates for
 * third-party levels; for every other route (self-declaration, plausibility check, legal
 * self-assessment) the vendor declares and the operator decides.
 */
public enum Route implements Coded {
    SELF_DECLARATION,
    THIRD_PARTY;

    public static Route of(AssessmentRoute schemeRoute) {
        return schemeRoute == AssessmentRoute.THIRD_PARTY ? THIRD_PARTY : SELF_DECLARATION;
    }
}
