package io.iotseal.server.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A new firmware or software version. */
public record VersionInput(@NotBlank @Size(max = 100) String version, LocalDate releaseDate,
                           @Size(max = 2000) String notes) {
}
