package io.iotseal.server.survey;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.audit.SortedKeysJson;
import io.iotseal.server.web.FieldError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A campaign's signed-off scope ({@code iotseal-survey-scope/1}, docs/surveys.md) as the registry keeps it: the
 * fields it stores, checked, and the SHA-256 of the canonical JSON, which every observation repeats. Canonical is
 * {@link SortedKeysJson}: keys sorted recursively, no whitespace, Jackson's number and string forms, UTF-8; the
 * probe hashes the same tree with the same class, so the two sides agree byte for byte.
 */
record SurveyScope(String id, String title, String legalBasis, String signedOffBy, OffsetDateTime signedOffAt,
                   OffsetDateTime windowFrom, OffsetDateTime windowUntil, AddressBlocks blocks, String canonicalJson,
                   String sha256) {

    static final String FORMAT = "iotseal-survey-scope/1";
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    /** docs/surveys.md: the checks a survey may run; never brute-force-resistance. */
    static final Set<String> SURVEY_CHECKS = Set.of("open-services", "information-disclosure", "plaintext-management",
            "default-credentials", "anonymous-access", "tls-protocol-versions", "tls-certificate", "ssh-algorithms",
            "snmp-default-community", "ssdp-exposure");

    /** The scope, or 422 listing every field at fault. */
    static SurveyScope of(String campaign, JsonNode scope) {
        List<FieldError> errors = new ArrayList<>();
        if (scope == null || !scope.isObject()) {
            throw SurveyErrors.unprocessable("scope", "a JSON object in the format " + FORMAT);
        }
        if (!FORMAT.equals(scope.path("format").asText(null))) {
            errors.add(new FieldError("format", "must be " + FORMAT));
        }
        String id = scope.path("id").asText(null);
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "a campaign id: [a-z0-9][a-z0-9-]{2,63}"));
        } else if (!id.equals(campaign)) {
            errors.add(new FieldError("id", "the scope's id " + id + " is not the campaign of the path, " + campaign));
        }
        String title = text(scope, "title", 200, errors);
        String legalBasis = text(scope, "legalBasis", 4000, errors);
        String signedOffBy = text(scope, "signedOffBy", 200, errors);
        OffsetDateTime signedOffAt = instant(scope.path("signedOffAt"), "signedOffAt", errors);
        OffsetDateTime from = instant(scope.path("window").path("from"), "window.from", errors);
        OffsetDateTime until = instant(scope.path("window").path("until"), "window.until", errors);
        if (from != null && until != null && !until.isAfter(from)) {
            errors.add(new FieldError("window.until", "must be after window.from"));
        }
        AddressBlocks blocks = null;
        JsonNode b = scope.path("blocks");
        if (!b.isArray() || b.isEmpty()) {
            errors.add(new FieldError("blocks", "at least one CIDR block or first-last range"));
        } else {
            List<String> texts = new ArrayList<>();
            b.forEach(n -> texts.add(n.isTextual() ? n.asText() : ""));
            try {
                blocks = AddressBlocks.parse(texts);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("blocks", e.getMessage()));
            }
        }
        JsonNode checks = scope.path("checks");
        if (!checks.isArray() || checks.isEmpty()) {
            errors.add(new FieldError("checks", "at least one of the checks allowed in surveys"));
        } else {
            checks.forEach(c -> {
                if (!SURVEY_CHECKS.contains(c.asText())) {
                    errors.add(new FieldError("checks", c.asText() + " is not allowed in a survey"));
                }
            });
        }
        if (scope.path("credentials").size() > 5) {
            errors.add(new FieldError("credentials", "at most 5 pairs"));
        }
        if (!scope.path("rate").isNumber() || scope.path("rate").asDouble() <= 0) {
            errors.add(new FieldError("rate", "connection attempts per second, > 0"));
        }
        if (!errors.isEmpty()) {
            throw SurveyErrors.unprocessable(errors);
        }
        String canonical = SortedKeysJson.write(scope);
        return new SurveyScope(id, title, legalBasis, signedOffBy, signedOffAt, from, until, blocks, canonical,
                sha256(canonical));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode scope, String field, int max, List<FieldError> errors) {
        JsonNode n = scope.path(field);
        String s = n.isTextual() ? n.asText().strip() : null;
        if (s == null || s.isEmpty()) {
            errors.add(new FieldError(field, "required"));
            return null;
        }
        if (s.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
        return s;
    }

    static OffsetDateTime instant(JsonNode n, String field, List<FieldError> errors) {
        if (!n.isTextual()) {
            errors.add(new FieldError(field, "required: an instant such as 2026-12-01T00:00:00Z"));
            return null;
        }
        try {
            return OffsetDateTime.parse(n.asText());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an instant such as 2026-12-01T00:00:00Z; not " + n.asText()));
            return null;
        }
    }
}
