package io.iotseal.server.survey;

/**
 * The operator's decision on a survey's label finding: {@code NOTED} (taken into account, e.g. put to the vendor or
 * used for a status action) or {@code DISMISSED} (e.g. the fingerprint fits another maker's device too), each
 * with a note of at most 2000 characters. Checked in {@link LabelFindingService}, so each refusal names its field.
 */
public record FindingDecisionInput(String decision, String note) {
}
