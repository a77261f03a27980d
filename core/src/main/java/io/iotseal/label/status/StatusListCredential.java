package io.iotseal.label.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.label.credential.LabelCredential;
import io.iotseal.label.jose.CompactJws;
import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code BitstringStatusListCredential}, secured as a vc+jwt like the labels. It is valid for
 * {@code validity} after issue, so a stale copy stops counting (a verifier offline with a week-old
 * list is told so), and carries {@code ttl}, the milliseconds a cache may keep it (the registry's
 * Cache-Control follows it).
 */
public final class StatusListCredential {
    /** Largest status list credential accepted before parsing (a 2^24-entry list of random bits fits). */
    public static final int MAX_CHARS = 6 * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMappers.plain();

    private StatusListCredential() {
    }

    /** A verified status list: whose purpose, at which URL, valid until when. */
    public record Verified(String id, StatusPurpose purpose, BitstringStatusList list, Instant validFrom,
                           Instant validUntil, long ttlMillis, String kid) {
    }

    public static ObjectNode toJson(String id, String issuer, StatusPurpose purpose, BitstringStatusList list,
                                    Instant issued, Duration validity, Duration ttl) {
        if (validity.isNegative() || validity.isZero() || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("validity and ttl of a status list must be positive");
        }
        ObjectNode vc = JSON.createObjectNode();
        vc.putArray("@context").add(LabelCredential.VC_CONTEXT);
        vc.put("id", id);
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        vc.put("issuer", issuer);
        vc.put("validFrom", issued.toString());
        vc.put("validUntil", issued.plus(validity).toString());
        vc.putObject("credentialSubject").put("id", id + "#list").put("type", "BitstringStatusList")
                .put("statusPurpose", purpose.code()).put("encodedList", list.encode()).put("ttl", ttl.toMillis());
        return vc;
    }

    public static String sign(String id, String issuer, StatusPurpose purpose, BitstringStatusList list, Instant issued,
                              Duration validity, Duration ttl, SigningKey key) {
        return CompactJws.sign(toJson(id, issuer, purpose, list, issued, validity, ttl), LabelCredential.TYP, key);
    }

    /** A key retired before the list's date did not sign it (ADR 0032), however good the signature. */
    private static void requireActiveAt(CompactJws.Verified jws, Instant from) throws VerificationException {
        try {
            jws.key().requireActiveAt(from, "a status list");
        } catch (VerificationException e) {
            throw new VerificationException("status list: " + e.getMessage(), e);
        }
    }

    /** Verifies the list's own signature and shape, and that it is valid at {@code now}. */
    public static Verified verify(String jwt, TrustedKeys trusted, Instant now) throws VerificationException {
        CompactJws.Verified jws;
        try {
            jws = CompactJws.verify(jwt, LabelCredential.TYP, trusted, MAX_CHARS);
        } catch (VerificationException e) {
            throw new VerificationException("status list: " + e.getMessage(), e);
        }
        JsonNode vc = jws.payload();
        JsonNode type = vc.path("type");
        boolean typed = false;
        for (JsonNode t : type) {
            typed |= "BitstringStatusListCredential".equals(t.asText());
        }
        JsonNode subject = vc.path("credentialSubject");
        if (!typed || !"BitstringStatusList".equals(subject.path("type").asText())) {
            throw new VerificationException("status list: not a BitstringStatusListCredential");
        }
        try {
            Instant from = OffsetDateTime.parse(vc.path("validFrom").asText()).toInstant();
            Instant until = OffsetDateTime.parse(vc.path("validUntil").asText()).toInstant();
            if (now.isBefore(from) || now.isAfter(until)) {
                throw new VerificationException("status list: valid from " + from + " until " + until
                        + ", not at " + now + "; fetch a current one");
            }
            requireActiveAt(jws, from);
            StatusPurpose purpose = StatusPurpose.fromCode(subject.path("statusPurpose").asText());
            BitstringStatusList list = BitstringStatusList.decode(subject.path("encodedList").asText(null));
            long ttl = subject.path("ttl").canConvertToLong() ? subject.path("ttl").asLong() : 0;
            return new Verified(vc.path("id").asText(), purpose, list, from, until, ttl, jws.key().kid());
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new VerificationException("status list: " + e.getMessage(), e);
        }
    }
}
