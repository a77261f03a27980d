package io.iotseal.assessment;

import io.iotseal.catalog.RequirementRef;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assessment as the outputs (OSCAL results, declaration of conformity) see it: what was assessed,
 * where it stands and every answer. The server and the CLI build one from their own storage.
 */
public record AssessmentSnapshot(String id, String product, String vendor, String productVersion,
                                 AssessmentScope scope, AssessmentState state, Map<RequirementRef, Answer> answers,
                                 Instant started, Instant lastModified, List<LabTestCase> testCases) {
    public AssessmentSnapshot {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        testCases = testCases == null ? List.of() : List.copyOf(testCases);
    }

    /** A snapshot without lab test cases (self-declarations). */
    public AssessmentSnapshot(String id, String product, String vendor, String productVersion, AssessmentScope scope,
                              AssessmentState state, Map<RequirementRef, Answer> answers, Instant started,
                              Instant lastModified) {
        this(id, product, vendor, productVersion, scope, state, answers, started, lastModified, List.of());
    }
}
