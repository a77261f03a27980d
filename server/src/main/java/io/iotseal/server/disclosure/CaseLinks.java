package io.iotseal.server.disclosure;

import io.iotseal.digest.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The reporter's capability links (ADR 0099): 32 random bytes (256 bits) as base64url, shown once; only their
 * SHA-256 is stored, so a copy of the database opens no case. A link that is unknown, expired or revoked finds
 * nothing, and the callers answer all three with the same 404: the answer tells nobody which tokens once worked.
 */
@Component
class CaseLinks {

    /** 43 base64url characters without padding: what {@link #newToken} makes; anything else is not looked up. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    CaseLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stores a new link to the case and answers its token. */
    String issue(UUID caseId, OffsetDateTime now, OffsetDateTime expiresAt) {
        String token = newToken();
        jdbc.sql("insert into disclosure_link (token_sha256, case_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(Sha256.hex(token), caseId, now, expiresAt).update();
        return token;
    }

    /** The case a live link leads to; empty for a malformed, unknown, expired or revoked token alike. */
    Optional<UUID> open(String token, OffsetDateTime now) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select case_id from disclosure_link where token_sha256 = ? and revoked_at is null"
                        + " and expires_at > ?")
                .params(Sha256.hex(token), now).query(UUID.class).optional();
    }

    /** When the link of this token expires (the reporter's page says so); the token must be live. */
    OffsetDateTime expiresAt(String token) {
        return jdbc.sql("select expires_at from disclosure_link where token_sha256 = ?").param(Sha256.hex(token))
                .query(OffsetDateTime.class).single();
    }

    /** Revokes every live link of the case; answers how many. */
    int revokeAll(UUID caseId, String by, OffsetDateTime now) {
        return jdbc.sql("update disclosure_link set revoked_at = ?, revoked_by = ? where case_id = ? and revoked_at is null")
                .params(now, by, caseId).update();
    }

    /** How many links of the case still open it. */
    int live(UUID caseId, OffsetDateTime now) {
        return jdbc.sql("select count(*) from disclosure_link where case_id = ? and revoked_at is null and expires_at > ?")
                .params(caseId, now).query(Integer.class).single();
    }
}
