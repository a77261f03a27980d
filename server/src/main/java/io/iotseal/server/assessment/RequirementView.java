package io.iotseal.server.assessment;

import io.iotseal.applicability.Applicability;

import java.util.List;

/** A requirement in an assessment: applicability and the answer so far (null when none). */
public record RequirementView(String requirement, String title, Applicability applicability, List<String> reasons,
                              AnswerView answer) {
}
