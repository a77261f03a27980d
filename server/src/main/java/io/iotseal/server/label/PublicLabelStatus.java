package io.iotseal.server.label;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A label's live status as the public page shows it, for machines ({@code GET /l/{idOrToken}} with
 * {@code Accept: application/json}). Unsigned: verifiers use it only to add the reason or to make a
 * verdict worse, never to call a label valid (core {@code RegistryStatus}). {@code demo}: the label belongs to
 * the embedded default's demo data, not to a real product or declaration (ADR 0071). {@code security}: the
 * page's current security information (ADR 0096). {@code updates}: the vendor notices the operator acknowledged
 * with a public consequence (firmware updates, fixed versions, support period changes; ADR 0100).
 */
public record PublicLabelStatus(String labelId, String registrationNumber, String level, String status, String reason,
                                OffsetDateTime statusSince, LocalDate expiry, LocalDate supportEnd,
                                boolean demo, LabelPage.Security security,
                                java.util.List<LabelPage.Update> updates) {
}
