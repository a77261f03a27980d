package io.iotseal.server.checkpoint;

import io.iotseal.audit.AuditCheckpoint;
import io.iotseal.server.label.LabelProperties;
import io.iotseal.server.label.RegistryKeys;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The signed checkpoint of the audit chain (ADR 0066), kept in memory like the status lists and refreshed
 * on their schedule (ADR 0052): at most once per status check interval the head row is read, and the
 * checkpoint is signed again when the chain grew or half the status lists' validity has passed. It is
 * signed with the registry's active label key, so the published JWKS verifies it.
 */
@Service
public class AuditCheckpoints {

    private record Signed(String jws, long size, String headHash, Instant signedAt, Instant checkedAt) {
    }

    private record Head(long size, String hash) {
    }

    private final JdbcClient jdbc;
    private final RegistryKeys keys;
    private final Clock clock;
    private final String issuer;
    private final Duration checkInterval;
    private final Duration resignAfter;
    private final Duration maxAge;
    private volatile Signed cached;

    AuditCheckpoints(JdbcClient jdbc, RegistryKeys keys, Clock clock, LabelProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.issuer = properties.publicUrl();
        this.checkInterval = properties.statusCheckInterval();
        this.resignAfter = properties.statusValidity().dividedBy(2);
        Duration ttlLessCheck = properties.statusTtl().minus(checkInterval);
        this.maxAge = ttlLessCheck.isNegative() ? Duration.ZERO : ttlLessCheck;
    }

    /** The current checkpoint as a compact JWS. */
    public String current() {
        Signed c = cached;
        if (c != null && checkedRecently(c, clock.instant())) {
            return c.jws();
        }
        synchronized (this) {
            Instant now = clock.instant();
            c = cached;
            if (c != null && checkedRecently(c, now)) {
                return c.jws();
            }
            Head head;
            try {
                head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            } catch (DataAccessException e) {
                if (c != null) {
                    return c.jws(); // still a true statement about the chain; a newer one follows the outage
                }
                throw e;
            }
            if (c != null && c.size() == head.size() && c.headHash().equals(head.hash())
                    && now.isBefore(c.signedAt().plus(resignAfter))) {
                cached = new Signed(c.jws(), c.size(), c.headHash(), c.signedAt(), now);
                return c.jws();
            }
            Instant at = now.truncatedTo(ChronoUnit.SECONDS);
            String jws = keys.sign(key -> new AuditCheckpoint(issuer, at, head.size(), head.hash()).sign(key));
            cached = new Signed(jws, head.size(), head.hash(), now, now);
            return jws;
        }
    }

    /** How long a client may cache the checkpoint: as long as a status list (their ttl less the check interval). */
    public Duration maxAge() {
        return maxAge;
    }

    private boolean checkedRecently(Signed c, Instant now) {
        return now.isBefore(c.checkedAt().plus(checkInterval)) && now.isBefore(c.signedAt().plus(resignAfter));
    }
}
