package io.iotseal.server.assessment;

import io.iotseal.assessment.Provenance;
import io.iotseal.coverage.Verdict;

import java.time.OffsetDateTime;
import java.util.List;

/** An answer as the API shows it; {@code provenance} is null for an answer a person gave. */
public record AnswerView(Verdict verdict, String justification, List<String> evidence, Provenance provenance,
                         String answeredBy, OffsetDateTime answeredAt) {
}
