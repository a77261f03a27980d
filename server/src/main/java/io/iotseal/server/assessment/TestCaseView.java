package io.iotseal.server.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A lab's test case for one requirement. */
public record TestCaseView(UUID id, String requirement, String testId, TestCaseKind kind, TestCaseVerdict verdict,
                           String description, String result, String recordedBy, OffsetDateTime recordedAt) {
}
