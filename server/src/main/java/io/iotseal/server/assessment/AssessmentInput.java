package io.iotseal.server.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.UUID;

/**
 * A new assessment: which product version, against what (a scheme level such as {@code jc-star:star-1}
 * or a catalog id), and the product's declared features and conditions (EN 303 645 F(x), C(n)).
 */
public record AssessmentInput(@NotNull UUID productId,
                              @NotBlank @Size(max = 100) String productVersion,
                              @NotBlank @Size(max = 200) String target,
                              Map<String, @NotNull Boolean> features,
                              Map<String, @NotNull Boolean> conditions) {
}
