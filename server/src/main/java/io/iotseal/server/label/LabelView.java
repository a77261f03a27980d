package io.iotseal.server.label;

import io.iotseal.server.web.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A label as the API shows it. {@code status} is valid, suspended, revoked or expired (expiry by date
 * is reported as expired unless the label was revoked or suspended); {@code credential} is the signed
 * vc+jwt and {@code qrText} what the QR code holds; {@code lifecycle} its renewal window and pending
 * lapse (ADR 0053); {@code demo} that the label belongs to the embedded default's demo data (ADR 0071).
 */
public record LabelView(UUID id, String labelId, UUID assessmentId, UUID productId, String registrationNumber,
                        String scheme, String level, String vendorName, String productNameEn, String productNameJa,
                        List<String> models, List<String> versions, LocalDate issued, LocalDate expiry,
                        LocalDate supportEnd, String status, String reason, OffsetDateTime statusSince,
                        String credential, String qrText, String kid, long version, LifecycleView lifecycle,
                        boolean demo)
        implements Versioned {
}
