package io.iotseal.server.assessment;

import io.iotseal.assessment.Prefill;
import io.iotseal.server.web.Versioned;

import java.util.List;
import java.util.UUID;

/** What a prefill did: answers filled, person answers kept, and hints for what it could not decide. */
public record PrefillReport(AssessmentView assessment, List<String> prefilled, List<String> keptPersonAnswers,
                            List<Prefill.Hint> hints) implements Versioned {
    @Override
    public UUID id() {
        return assessment.id();
    }

    @Override
    public long version() {
        return assessment.version();
    }
}
