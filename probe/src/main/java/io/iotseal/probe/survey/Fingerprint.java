package io.iotseal.probe.survey;

import java.util.Objects;

/**
 * What a device showed of itself on one port, before any login, for matching against the fingerprints
 * vendors declared for labelled products (V35 {@code product_fingerprint}).
 *
 * @param port  the TCP port (UDP 1900 for UPNP_MODEL)
 * @param value trimmed, control characters as spaces, at most {@link #MAX_LENGTH} characters
 */
public record Fingerprint(Kind kind, int port, String value) {
    /** The registry's column width (V35 {@code fp_value varchar(500)}). */
    public static final int MAX_LENGTH = 500;

    /** The kinds the registry matches (V35 {@code product_fingerprint_kind_check}). */
    public enum Kind { HTTP_TITLE, HTTP_SERVER, BANNER, TLS_CERT_SHA256, UPNP_MODEL }

    public Fingerprint {
        Objects.requireNonNull(kind, "kind");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("fingerprint port: " + port + " is outside 1-65535");
        }
        value = normalise(value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("fingerprint value: must not be blank");
        }
    }

    /** A fingerprint, or null when the device showed nothing (blank value). */
    static Fingerprint ofNullable(Kind kind, int port, String raw) {
        String v = normalise(raw);
        return v.isEmpty() ? null : new Fingerprint(kind, port, v);
    }

    /** Control characters become spaces, runs of spaces one space, then trimmed and cut to the column width. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String v = raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return v.length() <= MAX_LENGTH ? v : v.substring(0, MAX_LENGTH).strip();
    }
}
