package io.iotseal.server.product;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The product form of the vendor console as the browser sent it: every field as typed, so a form with
 * errors comes back with what the user wrote (issue 14). {@code version} is the record's version when the
 * form was opened (its ETag), sent back as If-Match so a stale form is refused, never saved over another
 * person's change. Model numbers are one per line; an unticked checkbox is not sent at all (null: no).
 */
public record ProductForm(String vendorId, String nameEn, String nameJa, String modelNumbers, String category,
                          String description, Boolean ipCapable, String supportEndDate,
                          String vulnerabilityDisclosureUrl, String vulnerabilityContact,
                          String vulnerabilityOpenPgpKey, Boolean published, String version) {

    /** An empty form for a new product of {@code vendorId}. */
    public static ProductForm empty(UUID vendorId) {
        return new ProductForm(vendorId == null ? null : vendorId.toString(), "", "", "", Category.ROUTER.name(), "",
                true, "", "", "", "", false, null);
    }

    /** The form filled with a stored product. */
    public static ProductForm of(Product p) {
        return new ProductForm(p.vendorId().toString(), p.nameEn(), nz(p.nameJa()), String.join("\n", p.modelNumbers()),
                p.category().name(), nz(p.description()), p.ipCapable(),
                p.supportEndDate() == null ? "" : p.supportEndDate().toString(), nz(p.vulnerabilityDisclosureUrl()),
                nz(p.vulnerabilityContact()), nz(p.vulnerabilityOpenPgpKey()), p.published(), Long.toString(p.version()));
    }

    /** Model numbers, one per line, blank lines left out. */
    public List<String> modelNumberList() {
        return modelNumbers == null ? List.of()
                : Arrays.stream(modelNumbers.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The API's input, or null after adding to {@code errors} (field name to message key) what cannot even
     * be parsed; the service's own validation comes after. {@code services} and {@code deviceDescription} are kept as
     * stored: the console does not edit them.
     */
    public ProductInput toInput(List<AssociatedService> services, String deviceDescription, Map<String, String> errors) {
        UUID vendor = null;
        if (vendorId != null && !vendorId.isBlank()) {
            try {
                vendor = UUID.fromString(vendorId.strip());
            } catch (IllegalArgumentException e) {
                errors.put("vendorId", "vendor.product.error.vendorId");
            }
        }
        Category cat = null;
        try {
            cat = Category.valueOf(category == null ? "" : category);
        } catch (IllegalArgumentException e) {
            errors.put("category", "vendor.product.error.category");
        }
        LocalDate supportEnd = null;
        if (supportEndDate != null && !supportEndDate.isBlank()) {
            try {
                supportEnd = LocalDate.parse(supportEndDate.strip());
            } catch (DateTimeParseException e) {
                errors.put("supportEndDate", "vendor.product.error.supportEndDate");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ProductInput(vendor, nameEn == null ? null : nameEn.strip(), blankToNull(nameJa), modelNumberList(), cat,
                blankToNull(description), deviceDescription, Boolean.TRUE.equals(ipCapable), services, supportEnd, blankToNull(vulnerabilityDisclosureUrl),
                blankToNull(vulnerabilityContact), blankToNull(vulnerabilityOpenPgpKey), Boolean.TRUE.equals(published));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
