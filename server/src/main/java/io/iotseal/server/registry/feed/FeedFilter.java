package io.iotseal.server.registry.feed;

import io.iotseal.server.web.ApiException;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The feed's query: a vendor or one label (by its public id), the page (0 is the newest) and the language
 * of the titles. An unknown or repeated parameter is a 400 naming it, as in the label search (ADR 0080).
 */
record FeedFilter(UUID vendorId, String label, int page, String lang) {

    static final Set<String> PARAMETERS = Set.of("vendorId", "label", "page", "lang");
    static final List<String> LANGUAGES = List.of("en", "ja");

    static FeedFilter of(MultiValueMap<String, String> params, int lastAllowedPage) {
        for (var e : params.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw ApiException.invalid(e.getKey(), "unknown parameter; known: label, lang, page, vendorId");
            }
            if (e.getValue().size() > 1) {
                throw ApiException.invalid(e.getKey(), "given more than once");
            }
        }
        UUID vendorId = null;
        String v = text(params, "vendorId");
        if (v != null) {
            try {
                vendorId = UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("vendorId", "must be a UUID");
            }
        }
        String label = text(params, "label");
        if (label != null && !label.matches("[A-Za-z0-9-]{1,40}")) {
            throw ApiException.invalid("label", "must be a label's public id");
        }
        int page = 0;
        String p = text(params, "page");
        if (p != null) {
            try {
                page = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("page", "must be a whole number");
            }
            if (page < 0 || page > lastAllowedPage) {
                throw ApiException.invalid("page", "from 0 to " + lastAllowedPage
                        + " (the feed pages through the newest changes; the open-data dump has every label)");
            }
        }
        String lang = text(params, "lang");
        if (lang != null && !LANGUAGES.contains(lang)) {
            throw ApiException.invalid("lang", "en or ja");
        }
        return new FeedFilter(vendorId, label, page, lang == null ? "en" : lang);
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
