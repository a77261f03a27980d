package io.iotseal.server.assessment;

import io.iotseal.coverage.Verdict;

import java.time.OffsetDateTime;

/** An answer as stored, before it is joined with the scope and evidence. */
record StoredAnswer(String catalog, String requirement, Verdict verdict, String justification, String provenanceJson,
                    String answeredBy, OffsetDateTime answeredAt) {
}
