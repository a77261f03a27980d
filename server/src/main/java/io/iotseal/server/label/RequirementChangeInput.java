package io.iotseal.server.label;

import io.iotseal.server.web.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A scheme level's requirements changed on {@code changedOn} (not in the future), with a note saying what
 * changed and optionally a reference (the new document's URL).
 */
public record RequirementChangeInput(
        @NotNull @PlausibleDate LocalDate changedOn,
        @NotBlank @Size(max = 500) String note,
        @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String reference) {
}
