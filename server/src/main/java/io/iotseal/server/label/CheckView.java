package io.iotseal.server.label;

import java.time.LocalDate;

/**
 * What the "check a label" page (template check/page.jte, ADR 0084) shows: the text typed (kept), an error
 * next to the field that caused it, and the verdict. Public only because the compiled templates live in jte's
 * own package.
 */
public record CheckView(String qr, String qrError, String photoError, long maxPhotoBytes, Verdict verdict) {

    /**
     * A verdict: {@code word} one of valid, suspended, revoked, expired, invalid (message keys check.verdict.*);
     * {@code reason} the registry's own words for a suspension or revocation; {@code detail} the verifier's
     * sentence (English, for support staff); the label's facts when its signature verified.
     */
    public record Verdict(String word, String reason, String since, String detail, String labelId,
                          String registrationNumber, String product, String vendor, LocalDate validUntil) {
    }

    /** The photo cap in whole MiB, as the form states it before the upload. */
    public long maxPhotoMiB() {
        return maxPhotoBytes / (1024 * 1024);
    }
}
