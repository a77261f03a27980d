package io.iotseal.server.assessment;

import io.iotseal.coverage.Verdict;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One answer: {@code requirement} as {@code catalog#id} (e.g. {@code jc-star-star1#S1.1-01}). */
public record AnswerInput(@NotBlank @Size(max = 210) String requirement,
                          @NotNull Verdict verdict,
                          @Size(max = 4000) String justification) {
}
