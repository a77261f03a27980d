package io.iotseal.server.disclosure;

import java.time.OffsetDateTime;

/**
 * What the reporter gets back once: the capability link's token (never stored, only its hash), where it leads and
 * until when. For a honeypot submission the same shape with a token that opens nothing (ADR 0099).
 */
public record Submitted(String token, String link, OffsetDateTime expiresAt) {
}
