package io.iotseal.server.disclosure;

import java.util.UUID;

/**
 * A case was disclosed (issue 17, ADR 0099): its vulnerability may now be published, e.g. as a CSAF advisory.
 * Published inside the disclosing transaction; listen with {@code @TransactionalEventListener} (its default phase,
 * AFTER_COMMIT) so that nothing is published for a change that rolled back.
 */
public record CaseDisclosed(UUID caseId) {
}
