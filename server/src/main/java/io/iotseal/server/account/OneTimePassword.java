package io.iotseal.server.account;

import java.time.OffsetDateTime;

/**
 * A password set by a reset (ADR 0065): shown once to the admin who reset it, good for one sign-in
 * after which its user must choose their own, and not after {@code expiresAt}.
 */
public record OneTimePassword(String username, String oneTimePassword, OffsetDateTime expiresAt) {

    @Override
    public String toString() {
        return "OneTimePassword[" + username + "]"; // never the password
    }
}
