package io.iotseal.server.notice;

import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.FieldError;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What each kind of notice requires (ADR 0100), checked before anything is stored; every problem is reported at
 * once, each naming its field, in English for the API (the pages say the same in the reader's language by field).
 */
final class NoticeRules {

    /** A CVE id as CVE's own format defines it: a four-digit year and at least four digits. */
    static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    /** A vendor's internal id (or a JVN, GHSA id): letters, digits and . _ : - only, starting with a letter or digit. */
    static final Pattern INTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    static final List<String> STATUSES = List.of("affected", "fixed", "not_affected");

    private NoticeRules() {
    }

    /** The notice's checked, trimmed fields. */
    record Checked(NoticeKind kind, String version, LocalDate releaseDate, String changes, List<String> securityFixes,
                   String newLegalName, String newLegalNameJa, String newProductName, String newModel,
                   String vulnerabilityId, String vulnerabilityStatus, String fixedVersion, LocalDate newSupportEnd,
                   String explanation) {
    }

    /**
     * Checks {@code in} as of {@code today} against the product's current support period end (null: none stated);
     * 422 naming every field at fault.
     */
    static Checked check(NoticeInput in, LocalDate today, LocalDate currentSupportEnd) {
        List<FieldError> errors = new ArrayList<>();
        NoticeKind kind = NoticeKind.ofCode(in.kind()).orElse(null);
        if (kind == null) {
            throw ApiException.invalid("kind", "one of " + String.join(", ", NoticeKind.codes()));
        }
        Map<String, Object> given = given(in);
        given.forEach((field, value) -> {
            if (value != null && !kind.fields().contains(field)) {
                errors.add(new FieldError(field, "not part of a " + kind.code() + " notice"));
            }
        });
        String version = trim(in.firmwareVersion());
        String changes = trim(in.changes());
        List<String> fixes = new ArrayList<>();
        String legalName = trim(in.newLegalName());
        String productName = trim(in.newProductName());
        String model = trim(in.newModel());
        String vulnerability = trim(in.vulnerabilityId());
        String status = trim(in.status()) == null ? null : in.status().strip().toLowerCase(Locale.ROOT);
        String fixedVersion = trim(in.fixedVersion());
        String explanation = trim(in.explanation());
        switch (kind) {
            case FIRMWARE_UPDATE -> {
                require(errors, "firmwareVersion", version, "the new firmware version number");
                if (in.releaseDate() == null) {
                    errors.add(new FieldError("releaseDate", "required: the day the firmware version was released"));
                } else if (in.releaseDate().isAfter(today)) {
                    errors.add(new FieldError("releaseDate", "is after today (" + today + "); notify a release once it is out"));
                }
                require(errors, "changes", changes, "what changed in this version");
                List<String> listed = in.securityFixes() == null ? List.of() : in.securityFixes();
                for (int i = 0; i < listed.size(); i++) {
                    String id = trim(listed.get(i));
                    if (id == null || !CVE.matcher(id.toUpperCase(Locale.ROOT)).matches()) {
                        errors.add(new FieldError("securityFixes[" + i + "]", "not a CVE id (CVE-yyyy-nnnn)"));
                    } else if (!fixes.contains(id.toUpperCase(Locale.ROOT))) {
                        fixes.add(id.toUpperCase(Locale.ROOT));
                    }
                }
            }
            case COMPANY_OR_PRODUCT -> {
                if (legalName == null && productName == null && model == null) {
                    errors.add(new FieldError("newLegalName", "give at least one of newLegalName, newProductName, newModel"));
                }
                if (legalName == null && trim(in.newLegalNameJa()) != null) {
                    errors.add(new FieldError("newLegalNameJa", "only with newLegalName (the two are approved together)"));
                }
            }
            case VULNERABILITY -> {
                if (vulnerability == null) {
                    errors.add(new FieldError("vulnerabilityId", "required: a CVE id or the vendor's internal id"));
                } else if (vulnerability.toUpperCase(Locale.ROOT).startsWith("CVE-")) {
                    vulnerability = vulnerability.toUpperCase(Locale.ROOT);
                    if (!CVE.matcher(vulnerability).matches()) {
                        errors.add(new FieldError("vulnerabilityId", "not a CVE id (CVE-yyyy-nnnn)"));
                    }
                } else if (!INTERNAL_ID.matcher(vulnerability).matches()) {
                    errors.add(new FieldError("vulnerabilityId", "letters, digits and . _ : - only (at most 100)"));
                }
                if (status == null || !STATUSES.contains(status)) {
                    errors.add(new FieldError("status", "one of " + String.join(", ", STATUSES)));
                } else if ("fixed".equals(status)) {
                    require(errors, "fixedVersion", fixedVersion, "the version that fixes it");
                } else if (fixedVersion != null) {
                    errors.add(new FieldError("fixedVersion", "only with status fixed"));
                }
            }
            case SUPPORT_PERIOD -> {
                LocalDate end = in.newSupportEnd();
                if (end == null) {
                    errors.add(new FieldError("newSupportEnd", "required: the new end of the support period"));
                } else if (end.isBefore(today)) {
                    errors.add(new FieldError("newSupportEnd", "is before today (" + today + ")"));
                } else if (end.equals(currentSupportEnd)) {
                    errors.add(new FieldError("newSupportEnd", "is the support period end already stated"));
                } else if (currentSupportEnd != null && end.isBefore(currentSupportEnd) && explanation == null) {
                    errors.add(new FieldError("explanation", "required when the support period is shortened (from "
                            + currentSupportEnd + " to " + end + "): say why"));
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        if (!errors.isEmpty()) {
            throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", errors);
        }
        return new Checked(kind, version, in.releaseDate(), changes, List.copyOf(fixes), legalName,
                trim(in.newLegalNameJa()), productName, model, vulnerability,
                status == null ? null : status.toUpperCase(Locale.ROOT), fixedVersion, in.newSupportEnd(), explanation);
    }

    private static Map<String, Object> given(NoticeInput in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firmwareVersion", trim(in.firmwareVersion()));
        m.put("releaseDate", in.releaseDate());
        m.put("changes", trim(in.changes()));
        m.put("securityFixes", in.securityFixes() == null || in.securityFixes().isEmpty() ? null : in.securityFixes());
        m.put("newLegalName", trim(in.newLegalName()));
        m.put("newLegalNameJa", trim(in.newLegalNameJa()));
        m.put("newProductName", trim(in.newProductName()));
        m.put("newModel", trim(in.newModel()));
        m.put("vulnerabilityId", trim(in.vulnerabilityId()));
        m.put("status", trim(in.status()));
        m.put("fixedVersion", trim(in.fixedVersion()));
        m.put("newSupportEnd", in.newSupportEnd());
        return m;
    }

    private static void require(List<FieldError> errors, String field, String value, String what) {
        if (value == null) {
            errors.add(new FieldError(field, "required: " + what));
        }
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
