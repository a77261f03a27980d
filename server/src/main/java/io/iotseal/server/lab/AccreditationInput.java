package io.iotseal.server.lab;

import io.iotseal.server.product.Category;
import io.iotseal.server.web.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An accreditation certificate as the operator records it; {@code productCategories} may be left out (no limit).
 * Dates are plausible ones ({@link PlausibleDate}): PostgreSQL cannot store a year such as +999999999.
 */
public record AccreditationInput(
        @NotNull AccreditationStandard standard,
        @NotBlank @Size(max = 200) String accreditingBody,
        @NotBlank @Size(max = 100) String certificateNumber,
        @NotBlank @Size(max = 100) String scheme,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> levels,
        @Size(max = 30) List<@NotNull Category> productCategories,
        @NotNull @PlausibleDate LocalDate validFrom,
        @NotNull @PlausibleDate LocalDate validUntil) {
}
