package io.iotseal.server.notice;

import io.iotseal.label.LabelLimits;
import io.iotseal.server.web.LabelText;
import io.iotseal.server.web.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice as a label holder sends it (ADR 0100). {@code kind} is one of firmware-update, company-or-product,
 * vulnerability, support-period; each kind takes its own fields ({@link NoticeKind}) and {@link NoticeRules}
 * says which are required. Versions meet the label's version limit, since an acknowledged firmware update
 * becomes a version of the product. {@code explanation} is optional for every kind, and required when a support
 * period is shortened.
 */
public record NoticeInput(
        @NotBlank String kind,
        @LabelText(bytes = LabelLimits.VERSION_BYTES) String firmwareVersion,
        @PlausibleDate LocalDate releaseDate,
        @Size(max = 2000) String changes,
        @Size(max = 50) List<@Size(max = 40) String> securityFixes,
        @Size(max = 200) String newLegalName,
        @Size(max = 200) String newLegalNameJa,
        @Size(max = 200) String newProductName,
        @Size(max = 200) String newModel,
        @Size(max = 100) String vulnerabilityId,
        @Size(max = 16) String status,
        @LabelText(bytes = LabelLimits.VERSION_BYTES) String fixedVersion,
        @PlausibleDate LocalDate newSupportEnd,
        @Size(max = 4000) String explanation) {
}
