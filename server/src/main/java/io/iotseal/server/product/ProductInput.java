package io.iotseal.server.product;

import io.iotseal.label.LabelLimits;
import io.iotseal.server.web.LabelText;
import io.iotseal.server.web.PlausibleDate;
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
 * Names and model numbers are printed on labels, so they meet the label's limits ({@link LabelText}).
 * {@code vulnerabilityOpenPgpKey}: the vendor's armored OpenPGP public key for reports, checked on save
 * ({@link VendorKeys}); none means reports are mailed without their text (ADR 0102).
 */
public record ProductInput(
        UUID vendorId,
        @NotBlank @LabelText(bytes = LabelLimits.NAME_BYTES) String nameEn,
        @LabelText(bytes = LabelLimits.NAME_BYTES) String nameJa,
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @LabelText(bytes = LabelLimits.MODEL_BYTES) String> modelNumbers,
        @NotNull Category category,
        @Size(max = 4000) String description,
        @Size(max = 4000) String deviceDescription,
        @NotNull Boolean ipCapable,
        @Size(max = 20) List<@NotNull @Valid AssociatedService> services,
        @PlausibleDate LocalDate supportEndDate,
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
        String vulnerabilityDisclosureUrl,
        @Size(max = 320) @Email String vulnerabilityContact,
        @Size(max = VendorKeys.MAX_KEY_CHARS) String vulnerabilityOpenPgpKey,
        Boolean published) {
}
