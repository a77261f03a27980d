package io.iotseal.server.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A service the device works with: its cloud back end, companion app or hub. */
public record AssociatedService(@NotNull ServiceKind kind, @NotBlank @Size(max = 200) String name,
                                @Size(max = 2000) String description) {
}
