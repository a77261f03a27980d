package io.iotseal.server.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The legal names an organization's admin asks the operator to approve; both replace the current ones. */
public record NameChangeInput(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameJa) {
}
