package io.iotseal.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain of the audit log. Each entry's hash is SHA-256 over the canonical JSON of all its
 * fields, the previous entry's hash included, so changing, removing or reordering any entry breaks
 * every hash after it. The server appends with {@link #link}; anyone can check with
 * {@link AuditChainVerifier}.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditChain() {
    }

    /**
     * The entry that follows {@code prevHash}, with its hash computed. Time is cut to milliseconds,
     * which every database we support stores exactly, so a stored entry hashes the same when read back.
     */
    public static AuditEntry link(long seq, Instant at, String actor, String action, String entityType,
                                  String entityId, String before, String after, String prevHash) {
        AuditEntry unsigned = new AuditEntry(seq, at.truncatedTo(ChronoUnit.MILLIS), actor, action, entityType,
                entityId, CanonicalJson.canonicalize(before), CanonicalJson.canonicalize(after), prevHash, null);
        return withHash(unsigned, hashOf(unsigned));
    }

    /** SHA-256 (lower-case hex) over the canonical JSON of every field of the entry except its own hash. */
    public static String hashOf(AuditEntry e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("seq", e.seq());
        node.put("at", e.at().toString());
        node.put("actor", e.actor());
        node.put("action", e.action());
        node.put("entityType", e.entityType());
        node.put("entityId", e.entityId());
        // before/after are JSON documents themselves: embed them as trees so their canonical form counts.
        node.set("before", e.before() == null ? null : readTree(e.before()));
        node.set("after", e.after() == null ? null : readTree(e.after()));
        node.put("prevHash", e.prevHash());
        return Sha256.hex(CanonicalJson.write(node));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            // A stored document that is no longer JSON was tampered with: hash its text as a string.
            return MAPPER.getNodeFactory().textNode(json);
        }
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(),
                e.before(), e.after(), e.prevHash(), hash);
    }
}
