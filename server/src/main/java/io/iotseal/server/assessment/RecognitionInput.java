package io.iotseal.server.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The vendor claims a recognition route (ADR 0062): the recognition's id from the standards data, and
 * the SHA-256 of the supporting document already attached to the assessment as evidence.
 */
public record RecognitionInput(@NotBlank @Size(max = 100) String recognition,
                               @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be the SHA-256 (64 lower-case hex digits) of an attached evidence file")
                               String evidence) {
}
