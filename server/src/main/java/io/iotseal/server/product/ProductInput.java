package io.iotseal.server.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A product as a vendor describes it, for a create or a full update. The scope decision is not an
 * input: the server derives it from the category and {@code ipCapable} ({@link ScopePolicy}).
 * {@code vendorId} may be left out by a member of exactly one vendor; it cannot change on update.
 */
public record ProductInput(
        UUID vendorId,
        @NotBlank @Size(max = 200) String nameEn,
        @Size(max = 200) String nameJa,
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> modelNumbers,
        @NotNull Category category,
        @Size(max = 4000) String description,
        @Size(max = 4000) String deviceDescription,
        @NotNull Boolean ipCapable,
        @Size(max = 20) List<@NotNull @Valid AssociatedService> services,
        LocalDate supportEndDate,
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
        String vulnerabilityDisclosureUrl,
        @Size(max = 320) @Email String vulnerabilityContact,
        Boolean published) {
}
