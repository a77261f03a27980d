package io.iotseal.server.label;

import io.iotseal.catalog.LocalizedText;
import io.iotseal.label.IssuedLabel;
import io.iotseal.label.Label;
import io.iotseal.label.Product;
import io.iotseal.label.status.LabelState;
import io.iotseal.scheme.LevelRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The label table's row. */
record LabelRow(UUID id, String labelId, UUID assessmentId, UUID productId, UUID vendorId, int statusIndex,
                String registrationNumber, String scheme, String level, String vendorName, String productNameEn,
                String productNameJa, List<String> models, List<String> versions, LocalDate supportEnd,
                LocalDate issued, LocalDate expiry, String credential, String qrText, String kid,
                LabelState.Kind status, String reason, OffsetDateTime statusSince, OffsetDateTime createdAt,
                OffsetDateTime updatedAt, long version) {

    /** The row of a label just issued and signed: active, version 1. */
    static LabelRow issued(IssuedLabel issued, UUID assessmentId, UUID productId, UUID vendorId, OffsetDateTime now) {
        Label l = issued.label();
        return new LabelRow(UUID.randomUUID(), l.id(), assessmentId, productId, vendorId, l.statusIndex(),
                l.registrationNumber(), l.level().scheme(), l.level().level(), l.product().vendor(),
                l.product().name().en(), l.product().name().exactly("ja").orElse(null), l.product().models(),
                l.product().versions(), l.product().supportPeriodEnd(), l.issued(), l.expiry(), issued.credential(),
                issued.qrText(), issued.kid(), LabelState.Kind.ACTIVE, null, now, now, now, 1);
    }

    LabelState state() {
        return new LabelState(status, reason, statusSince.toInstant());
    }

    /** The core label this row stores, as it was signed. */
    Label label() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", productNameEn);
        if (productNameJa != null) {
            names.put("ja", productNameJa);
        }
        return new Label(labelId, registrationNumber, new LevelRef(scheme, level),
                new Product(vendorName, new LocalizedText(names), models, versions, supportEnd), issued, expiry,
                statusIndex);
    }
}
