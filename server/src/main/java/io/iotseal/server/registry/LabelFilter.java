package io.iotseal.server.registry;

import io.iotseal.server.product.Category;
import io.iotseal.server.product.Gtin;
import io.iotseal.server.web.ApiException;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The label search's query (issue 13, ADR 0080), read from the query string: every parameter is named
 * here, an unknown one or a second value is a 400 naming it, so a misspelt filter is never silently ignored
 * (the search would otherwise answer more labels than asked for). Dates are ISO days; "before" and "after" are strict.
 */
record LabelFilter(String scheme, String level, LabelStatus status, UUID vendorId, String vendor, String modelNumber,
                   String gtin, Category category, LocalDate validUntilBefore, LocalDate validUntilAfter,
                   LocalDate supportEndBefore, LocalDate supportEndAfter, LabelSort sort) {

    static final Set<String> FILTERS = Set.of("scheme", "level", "status", "vendorId", "vendor", "modelNumber", "gtin",
            "category", "validUntilBefore", "validUntilAfter", "supportEndBefore", "supportEndAfter", "sort");

    /** The filters of {@code params}; {@code alsoAllowed} are further parameters the caller reads itself (paging, format). */
    static LabelFilter of(MultiValueMap<String, String> params, Set<String> alsoAllowed) {
        for (var e : params.entrySet()) {
            if (!FILTERS.contains(e.getKey()) && !alsoAllowed.contains(e.getKey())) {
                throw ApiException.invalid(e.getKey(), "unknown parameter; known: " + String.join(", ",
                        FILTERS.stream().sorted().toList()));
            }
            if (e.getValue().size() > 1) {
                throw ApiException.invalid(e.getKey(), "given more than once");
            }
        }
        String status = text(params, "status");
        String category = text(params, "category");
        String vendorId = text(params, "vendorId");
        String gtin = text(params, "gtin");
        return new LabelFilter(text(params, "scheme"), text(params, "level"),
                status == null ? null : LabelStatus.parse("status", status),
                vendorId == null ? null : uuid("vendorId", vendorId), text(params, "vendor"), text(params, "modelNumber"),
                gtin == null ? null : Gtin.normalize("gtin", gtin),
                category == null ? null : category(category),
                date(params, "validUntilBefore"), date(params, "validUntilAfter"),
                date(params, "supportEndBefore"), date(params, "supportEndAfter"),
                LabelSort.parse("sort", text(params, "sort")));
    }

    /** The same filter in the default order: what a count depends on. */
    LabelFilter unsorted() {
        return new LabelFilter(scheme, level, status, vendorId, vendor, modelNumber, gtin, category, validUntilBefore,
                validUntilAfter, supportEndBefore, supportEndAfter, LabelSort.DEFAULT);
    }

    /** A parameter's value, stripped; null when absent or blank. Over-long values cannot match anything we store. */
    private static String text(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 200) {
            throw ApiException.invalid(name, "at most 200 characters");
        }
        return v.strip();
    }

    private static LocalDate date(MultiValueMap<String, String> params, String name) {
        String v = text(params, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be a date as yyyy-mm-dd");
        }
    }

    private static UUID uuid(String name, String v) {
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID");
        }
    }

    private static Category category(String v) {
        try {
            return Category.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("category", "unknown category; one of " + List.of(Category.values()));
        }
    }
}
