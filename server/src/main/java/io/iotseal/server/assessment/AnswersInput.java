package io.iotseal.server.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Answers given together; all are stored or none. */
public record AnswersInput(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull AnswerInput> answers) {
}
