package io.iotseal.server.assessment;

import io.iotseal.applicability.Applicability;

import java.util.List;

/**
 * A requirement in an assessment: applicability and the answer so far (null when none).
 * {@code textInData} is false, and {@code note} says so, where the registry's data knows only the
 * criterion's id (JC-STAR ★1 S1.1-07…15): a verdict there was given against a text the registry never saw.
 */
public record RequirementView(String requirement, String title, boolean textInData, String note,
                              Applicability applicability, List<String> reasons, AnswerView answer) {
}
