package io.iotseal.server.account;

import io.iotseal.digest.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows online password guessing without letting anyone lock an account (ADR 0064). Failed password
 * checks are counted per (user name, source address) and per source address. After a few free
 * failures each further attempt of that pair (or from that source) must wait twice as long as the
 * last, up to {@link Limits#maxDelay}; an attempt that comes too early is refused without checking the
 * password and is not counted, so waiting is all it takes. Nothing is counted per account alone:
 * anything that slowed every source for an account would be a lock-out a stranger could trigger.
 *
 * <p>The counts live in the database ({@code login_throttle}), so every server instance sees them.
 * Rows expire {@link Limits#forgetAfter} after their last failure and are removed by
 * {@link #removeExpired}; past {@link Limits#maxRows} rows, the least informative ones (fewest
 * failures, oldest first) make room, never the whole table.
 *
 * <p>Other public forms that must not be flooded count their requests per source here too, with the same
 * schedule under a purpose of their own ({@link #waitBeforeNext}, {@link #attempted}): the vulnerability report
 * form (ADR 0099).
 */
@Component
public class LoginThrottle {

    /** The thresholds; the defaults are what the server uses, tests may make them smaller. */
    public record Limits(int freePerPair, int freePerSource, Duration maxDelay, Duration forgetAfter, int maxRows) {
        public static final Limits DEFAULT = new Limits(3, 20, Duration.ofMinutes(15), Duration.ofHours(1), 100_000);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Limits limits;

    @Autowired
    public LoginThrottle(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, Limits.DEFAULT);
    }

    public LoginThrottle(JdbcClient jdbc, Clock clock, Limits limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = limits;
    }

    /** How long this source must wait before its next password attempt for this name; zero if it may try now. */
    public Duration waitBefore(String username, String source) {
        Instant now = clock.instant();
        Duration pair = wait(row(pairKey(username, source)), limits.freePerPair(), now);
        Duration fromSource = wait(row(sourceKey(source)), limits.freePerSource(), now);
        return pair.compareTo(fromSource) >= 0 ? pair : fromSource;
    }

    /** Counts a wrong password (or an unknown name: the two look the same from outside). */
    public void failed(String username, String source) {
        count(pairKey(username, source));
        count(sourceKey(source));
    }

    /**
     * The right password: this source's guesses at this name are forgotten. The source's own count
     * stays, or an attacker could clear it by signing in to an account of their own.
     */
    public void succeeded(String username, String source) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(pairKey(username, source)).update();
    }

    /**
     * How long this source must wait before its next request of {@code purpose} (e.g. "report"); zero if it may
     * go ahead. After {@code free} requests, each further one waits as a failed password would (1 s, doubling, up
     * to {@link Limits#maxDelay}); the count is forgotten {@link Limits#forgetAfter} after the last request.
     */
    public Duration waitBeforeNext(String purpose, String source, int free) {
        return wait(row(purposeKey(purpose, source)), free, clock.instant());
    }

    /** Counts one request of {@code purpose} from this source. */
    public void attempted(String purpose, String source) {
        count(purposeKey(purpose, source));
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    public void removeExpired() {
        jdbc.sql("delete from login_throttle where expires_at <= ?").param(now()).update();
    }

    /** Rows held now; the tests check that it stays bounded. */
    public long rows() {
        return jdbc.sql("select count(*) from login_throttle").query(Long.class).single();
    }

    private Duration wait(Optional<Row> row, int free, Instant now) {
        if (row.isEmpty() || row.get().expiresAt().isBefore(now) || row.get().failures() < free) {
            return Duration.ZERO;
        }
        Duration delay = delay(row.get().failures() - free);
        Instant next = row.get().lastFailureAt().plus(delay);
        return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
    }

    /** 1 s after the first failure past the free ones, then doubling, capped. */
    Duration delay(int failuresPastFree) {
        if (failuresPastFree >= 30) {
            return limits.maxDelay();
        }
        Duration d = Duration.ofSeconds(1L << failuresPastFree);
        return d.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : d;
    }

    private record Row(int failures, Instant lastFailureAt, Instant expiresAt) {
    }

    private Optional<Row> row(String key) {
        return jdbc.sql("select failures, last_failure_at, expires_at from login_throttle where throttle_key = ?")
                .param(key)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * One more failure: an expired row starts again from one. Update first, insert when there was no
     * row; when another instance inserted it meanwhile, update after all. (ON CONFLICT DO NOTHING:
     * PostgreSQL, and H2 in its PostgreSQL mode; no failed statement aborts a caller's transaction.)
     */
    private void count(String key) {
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(limits.forgetAfter());
        if (update(key, now, expires) == 1) {
            return;
        }
        makeRoom();
        int inserted = jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at, expires_at)"
                        + " values (?, 1, ?, ?) on conflict do nothing").params(key, now, expires).update();
        if (inserted == 0) {
            update(key, now, expires);
        }
    }

    private int update(String key, OffsetDateTime now, OffsetDateTime expires) {
        return jdbc.sql("update login_throttle set failures = case when expires_at <= ? then 1 else failures + 1 end,"
                        + " last_failure_at = ?, expires_at = ? where throttle_key = ?")
                .params(now, now, expires, key).update();
    }

    /** Keeps the table under its bound: expired rows go first, then those with the fewest failures. */
    private void makeRoom() {
        if (rows() < limits.maxRows()) {
            return;
        }
        removeExpired();
        long excess = rows() - limits.maxRows() + 1;
        if (excess <= 0) {
            return;
        }
        // A tenth at a time (at least what is needed), so a flood does not run this on every insert.
        long batch = Math.max(excess, limits.maxRows() / 10);
        List<String> victims = jdbc.sql("select throttle_key from login_throttle order by failures, expires_at limit ?")
                .param(batch).query(String.class).list();
        for (String victim : victims) {
            jdbc.sql("delete from login_throttle where throttle_key = ?").param(victim).update();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String pairKey(String username, String source) {
        return "pair:" + Sha256.hex((username == null ? "" : username.toLowerCase(Locale.ROOT)) + "\n" + source(source));
    }

    static String purposeKey(String purpose, String source) {
        return purpose + ":" + Sha256.hex(source(source));
    }

    static String sourceKey(String source) {
        return "source:" + Sha256.hex(source(source));
    }

    /**
     * The address a request came from, as one source: an IPv6 host usually owns a whole /64, so its
     * prefix is the source; an IPv4 address is itself.
     */
    static String source(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        try {
            if (!address.contains(":")) {
                return address;
            }
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
