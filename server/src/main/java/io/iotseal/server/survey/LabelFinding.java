package io.iotseal.server.survey;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A failing check on a device whose fingerprint matched a labelled product (V35 {@code survey_label_finding}):
 * evidence for the operator, never public. {@code state} OPEN, NOTED or DISMISSED. The label's code, product and
 * vendor come along for the operator's page. {@code unmatchedAt}: since when the observation no longer matches the
 * label's product (a re-match after a fingerprint changed, ADR 0108); null while it does.
 */
public record LabelFinding(UUID id, UUID labelId, String labelCode, String labelStatus, String productName,
                           String vendorName, UUID observationId, String campaignId, String address, String checkId,
                           int port, String service, String summary, String fingerprint, OffsetDateTime observedAt,
                           String state, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
                           OffsetDateTime createdAt, OffsetDateTime unmatchedAt) {
}
