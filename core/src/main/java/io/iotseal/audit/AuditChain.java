package io.iotseal.audit;

import io.iotseal.digest.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.json.JsonMappers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain of the audit log. Each entry's hash is SHA-256 over the canonical JSON of all its
 * fields, the previous entry's hash included, so changing, removing or reordering any entry breaks
 * every hash after it. The server appends with {@link #link}; anyone can check with
 * {@link AuditChainVerifier}.
 * <p>
 * Each entry names the format its hash was computed in (ADR 0066), so chains written before RFC 8785
 * keep verifying: format 1 is {@link SortedKeysJson} (ADR 0023), format 2 is {@link Rfc8785Json} with
 * the format itself among the hashed members, so an entry cannot be passed off as another format.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** Sorted keys, Jackson's escaping and numbers; every entry written before migration V13. */
    public static final int FORMAT_SORTED_KEYS = 1;
    /** RFC 8785 (JCS), with {@code "format": 2} hashed too. */
    public static final int FORMAT_RFC8785 = 2;
    /** The format new entries are written in. */
    public static final int CURRENT_FORMAT = FORMAT_RFC8785;

    private static final ObjectMapper MAPPER = JsonMappers.plain();

    private AuditChain() {
    }

    /**
     * The entry that follows {@code prevHash}, in the current format, with its hash computed. Time is cut
     * to milliseconds, which every database we support stores exactly, so a stored entry hashes the same
     * when read back.
     */
    public static AuditEntry link(long seq, Instant at, String actor, String action, String entityType,
                                  String entityId, String before, String after, String prevHash) {
        return link(CURRENT_FORMAT, seq, at, actor, action, entityType, entityId, before, after, prevHash);
    }

    /** As {@link #link(long, Instant, String, String, String, String, String, String, String)}, in a given format. */
    public static AuditEntry link(int format, long seq, Instant at, String actor, String action, String entityType,
                                  String entityId, String before, String after, String prevHash) {
        AuditEntry unsigned = new AuditEntry(seq, at.truncatedTo(ChronoUnit.MILLIS), actor, action, entityType,
                entityId, canonicalize(format, before), canonicalize(format, after), prevHash, null, format);
        return new AuditEntry(unsigned.seq(), unsigned.at(), actor, action, entityType, entityId, unsigned.before(),
                unsigned.after(), prevHash, hashOf(unsigned), format);
    }

    /** Whether this code knows how to hash entries of {@code format}. */
    public static boolean knows(int format) {
        return format == FORMAT_SORTED_KEYS || format == FORMAT_RFC8785;
    }

    /**
     * SHA-256 (lower-case hex) over the canonical JSON, in the entry's format, of every field of the entry
     * except its own hash.
     */
    public static String hashOf(AuditEntry e) {
        return Sha256.hex(hashedText(e));
    }

    /** The exact text {@link #hashOf} hashes (UTF-8): what another implementation must reproduce. */
    static String hashedText(AuditEntry e) {
        ObjectNode node = MAPPER.createObjectNode();
        if (e.format() != FORMAT_SORTED_KEYS) {
            node.put("format", e.format());
        }
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
        return switch (e.format()) {
            case FORMAT_SORTED_KEYS -> SortedKeysJson.write(node);
            case FORMAT_RFC8785 -> Rfc8785Json.write(node);
            default -> throw new IllegalArgumentException("unknown audit entry format " + e.format());
        };
    }

    private static String canonicalize(int format, String json) {
        return switch (format) {
            case FORMAT_SORTED_KEYS -> SortedKeysJson.canonicalize(json);
            case FORMAT_RFC8785 -> Rfc8785Json.canonicalize(json);
            default -> throw new IllegalArgumentException("unknown audit entry format " + format);
        };
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException ex) {
            // A stored document that is no longer JSON was tampered with: hash its text as a string.
            return MAPPER.getNodeFactory().textNode(json);
        }
    }
}
