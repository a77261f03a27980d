package io.iotseal.assessment;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether an assessment may be submitted: every requirement that applies (or whose applicability is
 * undetermined) has a verdict, no verdict is a fail, and every not-applicable verdict says why. All
 * problems are reported at once, each naming its requirement, so the vendor can fix them in one go.
 */
public final class Completeness {

    public record Problem(RequirementRef requirement, String message) {
        @Override
        public String toString() {
            return requirement + ": " + message;
        }
    }

    private Completeness() {
    }

    public static List<Problem> check(AssessmentScope scope, Map<RequirementRef, Answer> answers) {
        List<Problem> problems = new ArrayList<>();
        for (ScopedRequirement r : scope.requirements()) {
            Answer a = answers.get(r.requirement());
            Verdict v = a == null ? Verdict.NOT_ASSESSED : a.verdict();
            switch (v) {
                case NOT_ASSESSED -> {
                    if (r.needsAnswer()) {
                        problems.add(new Problem(r.requirement(), "not answered yet"));
                    }
                }
                case FAIL -> problems.add(new Problem(r.requirement(),
                        "fails; a failed requirement blocks submission (fix the product or the answer)"));
                case NOT_APPLICABLE -> {
                    if (a.justification() == null) {
                        problems.add(new Problem(r.requirement(), "not applicable needs a justification"));
                    }
                }
                case PASS -> {
                }
            }
        }
        return problems;
    }
}
