package io.iotseal.server.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new API token: a name to recognise it by and how many days it lasts (default 90, at most 366). */
public record TokenInput(@NotBlank @Size(max = 100) String name, @Min(1) @Max(366) Integer expiresInDays) {
}
