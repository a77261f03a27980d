package io.iotseal.server.product;

import io.iotseal.label.LabelLimits;
import io.iotseal.server.web.LabelText;
import io.iotseal.server.web.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A new firmware or software version; the version is printed on labels, so it meets their limit. The
 * optional GTIN (JAN) barcode is checked with its GS1 check digit when the version is added (ADR 0080).
 */
public record VersionInput(@NotBlank @LabelText(bytes = LabelLimits.VERSION_BYTES) String version,
                           @PlausibleDate LocalDate releaseDate,
                           @Size(max = 2000) String notes,
                           @Size(max = 20) String gtin) {

    public VersionInput(String version, LocalDate releaseDate, String notes) {
        this(version, releaseDate, notes, null);
    }
}
