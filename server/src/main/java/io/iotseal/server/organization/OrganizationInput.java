package io.iotseal.server.organization;

import io.iotseal.server.access.OrganizationKind;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new organization, or the new state of one. The kind is fixed at creation: an update must repeat
 * it unchanged (a vendor does not become a lab). A vendor's name must fit its labels.
 */
@VendorNameFitsLabel
public record OrganizationInput(
        @NotNull OrganizationKind kind,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameJa,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as JP") String country) {
}
