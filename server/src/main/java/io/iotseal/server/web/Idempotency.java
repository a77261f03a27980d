package io.iotseal.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.audit.SortedKeysJson;
import io.iotseal.digest.Sha256;
import io.iotseal.server.access.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency keys on creates (ADR 0025, after the IETF Idempotency-Key header draft). The first
 * request with a key runs and its response is kept; the same key with the same body gets that
 * response again (marked {@code Idempotent-Replayed: true}) without creating anything; the same key
 * with a different body is refused with 422. Keys belong to the caller: two users never share one.
 * The key row is written in the same transaction as the create, so a failed create keeps no key and a
 * concurrent twin waits for the first and then gets 409.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;

    public Idempotency(JdbcClient jdbc, TransactionTemplate tx, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mapper = mapper;
    }

    /**
     * Runs {@code create} once per key. {@code scope} names the route (a key used on another route is a
     * different request); {@code secretFields} are left out of the stored fingerprint (passwords).
     */
    public ResponseEntity<?> create(Actor actor, String key, String scope, Object request, Set<String> secretFields,
                                    Supplier<ResponseEntity<?>> create) {
        if (key == null) {
            return tx.execute(status -> create.get());
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String principal = actor.principalKey();
        String fingerprint = fingerprint(scope, request, secretFields);
        try {
            return tx.execute(status -> {
                var stored = jdbc.sql("select request_hash, status, location, etag, response_body from idempotency_record"
                                + " where principal = ? and idem_key = ?")
                        .params(principal, key)
                        .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)))
                        .optional();
                if (stored.isPresent()) {
                    return replay(stored.get(), fingerprint);
                }
                jdbc.sql("insert into idempotency_record (principal, idem_key, request_hash, status, created_at)"
                                + " values (?, ?, ?, 0, ?)")
                        .params(principal, key, fingerprint, OffsetDateTime.now(ZoneOffset.UTC)).update();
                ResponseEntity<?> response = create.get();
                jdbc.sql("update idempotency_record set status = ?, location = ?, etag = ?, response_body = ?"
                                + " where principal = ? and idem_key = ?")
                        .params(response.getStatusCode().value(), response.getHeaders().getFirst(HttpHeaders.LOCATION),
                                response.getHeaders().getETag(), toJson(response.getBody()), principal, key)
                        .update();
                return response;
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("a request with this Idempotency-Key is being processed; retry shortly");
        }
    }

    /**
     * Forgets keys older than a day: they exist for retries of a request that may not have arrived, not
     * as a record (the audit log is that). Hourly; a key reused after that creates anew.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void purgeExpired() {
        purgeOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minus(RETENTION));
    }

    private int purgeOlderThan(OffsetDateTime cutoff) {
        return jdbc.sql("delete from idempotency_record where created_at < ?").param(cutoff).update();
    }

    private ResponseEntity<?> replay(Stored stored, String fingerprint) {
        if (!stored.requestHash().equals(fingerprint)) {
            throw ApiException.unprocessable("this Idempotency-Key was already used with a different request");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.valueOf(stored.status()))
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON);
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            builder.eTag(stored.etag());
        }
        return builder.body(stored.body());
    }

    private String fingerprint(String scope, Object request, Set<String> secretFields) {
        JsonNode tree = mapper.valueToTree(request);
        if (tree instanceof ObjectNode object) {
            secretFields.forEach(object::remove);
        }
        return Sha256.hex(scope + "\n" + SortedKeysJson.write(tree));
    }

    private String toJson(Object body) {
        try {
            return body == null ? null : mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private record Stored(String requestHash, int status, String location, String etag, String body) {
    }
}
