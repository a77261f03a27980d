package io.iotseal.server.product;

import io.iotseal.server.web.Versioned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A vendor's product record, as stored and as the API shows it. {@code vulnerabilityOpenPgpKey} is the vendor's
 * published armored OpenPGP public key for vulnerability reports (reports e-mailed to the contact are encrypted to
 * it, ADR 0102), with its primary key's fingerprint.
 */
public record Product(UUID id, UUID vendorId, String vendorName, String nameEn, String nameJa,
                      List<String> modelNumbers, Category category, String description, String deviceDescription,
                      boolean ipCapable, List<AssociatedService> services, List<ProductVersion> versions,
                      LocalDate supportEndDate, String vulnerabilityDisclosureUrl, String vulnerabilityContact,
                      String vulnerabilityOpenPgpKey, String vulnerabilityOpenPgpFingerprint, Scope scope, boolean published, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                      long version) implements Versioned {

    /** The scope decision and why. */
    public record Scope(boolean inScope, String reason) {
    }

    /** Whether anonymous callers see it: published by its vendor and in the scheme's scope. */
    public boolean isPublic() {
        return published && scope.inScope();
    }
}
