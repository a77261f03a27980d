package io.iotseal.server.survey;

/**
 * A fingerprint a vendor declares: {@code kind} one of {@link Fingerprint#KINDS}, {@code matchType} EXACT or
 * PREFIX, {@code value} at most 500 characters, {@code port} optional (1-65535). Checked in
 * {@link FingerprintService}, so that each refusal names its field.
 */
public record FingerprintInput(String kind, String matchType, String value, Integer port) {
}
