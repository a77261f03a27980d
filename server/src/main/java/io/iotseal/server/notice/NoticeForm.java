package io.iotseal.server.notice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A notice as the vendor console's forms send it (ADR 0100): every field as typed, so a refused form shows it
 * again. {@code securityFixes} is one text of CVE ids separated by spaces, commas or new lines.
 */
public record NoticeForm(String kind, String firmwareVersion, String releaseDate, String changes, String securityFixes,
                         String newLegalName, String newLegalNameJa, String newProductName, String newModel,
                         String vulnerabilityId, String status, String fixedVersion, String newSupportEnd,
                         String explanation) {

    static final NoticeForm EMPTY = new NoticeForm(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    /** The input for the service; a date that is not yyyy-mm-dd is put in {@code errors} under its field. */
    NoticeInput input(Map<String, String> errors, String dateMessage) {
        return new NoticeInput(kind, firmwareVersion, date("releaseDate", releaseDate, errors, dateMessage), changes,
                fixes(), newLegalName, newLegalNameJa, newProductName, newModel, vulnerabilityId, status, fixedVersion,
                date("newSupportEnd", newSupportEnd, errors, dateMessage), explanation);
    }

    private List<String> fixes() {
        if (securityFixes == null || securityFixes.isBlank()) {
            return null;
        }
        return Arrays.stream(securityFixes.strip().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String field, String text, Map<String, String> errors, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }

    /** The value typed in {@code field}, for the template. */
    public String value(String field) {
        return switch (field) {
            case "firmwareVersion" -> firmwareVersion;
            case "releaseDate" -> releaseDate;
            case "changes" -> changes;
            case "securityFixes" -> securityFixes;
            case "newLegalName" -> newLegalName;
            case "newLegalNameJa" -> newLegalNameJa;
            case "newProductName" -> newProductName;
            case "newModel" -> newModel;
            case "vulnerabilityId" -> vulnerabilityId;
            case "status" -> status;
            case "fixedVersion" -> fixedVersion;
            case "newSupportEnd" -> newSupportEnd;
            case "explanation" -> explanation;
            default -> null;
        };
    }
}
