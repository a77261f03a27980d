package io.iotseal.assessment;

import io.iotseal.catalog.Coded;
import io.iotseal.scheme.AssessmentRoute;
import io.iotseal.scheme.SchemeLevel;

import java.time.LocalDate;

/**
 * The ways through an assessment. A scheme's own route decides which one: a lab evaluates for
 * third-party levels; a level whose data names a lab review in force (CLS levels 1–2 since
 * 2025-04-01) has the vendor declare, an approved lab review, the operator decide; for every other
 * route (self-declaration, plausibility check, legal self-assessment) the vendor declares and the
 * operator decides.
 */
public enum Route implements Coded {
    SELF_DECLARATION,
    SELF_DECLARATION_LAB_REVIEWED,
    THIRD_PARTY;

    public static Route of(AssessmentRoute schemeRoute) {
        return schemeRoute == AssessmentRoute.THIRD_PARTY ? THIRD_PARTY : SELF_DECLARATION;
    }

    /** The route for an assessment of {@code level} started on {@code on}. */
    public static Route of(SchemeLevel level, LocalDate on) {
        Route route = of(level.assessment());
        if (route == SELF_DECLARATION && level.labReview() != null && level.labReview().inForceOn(on)) {
            return SELF_DECLARATION_LAB_REVIEWED;
        }
        return route;
    }

    /** Whether a lab takes part (and so has to be assigned, and accredited for the level). */
    public boolean involvesLab() {
        return this != SELF_DECLARATION;
    }
}
