package io.iotseal.server.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A lab's test case for one requirement ({@code catalog#id}), after ETSI TS 103 701. */
public record TestCaseInput(@NotBlank @Size(max = 210) String requirement,
                            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits, '.', '_', ':' and '-' only") String testId,
                            @NotNull TestCaseKind kind,
                            @NotNull TestCaseVerdict verdict,
                            @Size(max = 4000) String description,
                            @Size(max = 4000) String result) {
}
