package io.iotseal.server.disclosure;

import io.iotseal.disclosure.CaseState;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A case moved from one state to another, or a moment the deadlines depend on was recorded (then {@code from}
 * equals {@code to}): for the deadline computation (ADR 0097) and notifications. Published inside the changing
 * transaction, like {@link CaseDisclosed}; listen after commit.
 */
public record CaseStateChanged(UUID caseId, UUID vendorId, CaseState from, CaseState to, OffsetDateTime at) {
}
