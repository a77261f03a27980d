package io.iotseal.assessment;

import io.iotseal.catalog.RequirementRef;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An assessment as the outputs (OSCAL results, declaration of conformity) see it: what was assessed,
 * where it stands and every answer. The server and the CLI build one from their own storage.
 */
public record AssessmentSnapshot(String id, String product, String vendor, String productVersion,
                                 AssessmentScope scope, AssessmentState state, Map<RequirementRef, Answer> answers,
                                 Instant started, Instant lastModified) {
    public AssessmentSnapshot {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }
}
