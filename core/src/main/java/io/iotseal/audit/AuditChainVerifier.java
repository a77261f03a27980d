package io.iotseal.audit;

import java.util.Optional;

/**
 * Walks an audit chain in sequence order and reports the first entry that does not hold: a gap in the
 * sequence, a previous-hash that is not the hash of the entry before, a format this code does not know
 * or older than the entry before's (formats only ever move forward, ADR 0066), or a hash that is not
 * the hash of the entry's own content.
 */
public final class AuditChainVerifier {

    /** What a check found: how many entries held, and the first one that did not, if any. */
    public record Result(long verified, Optional<Failure> failure) {
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /** The first entry that breaks the chain, and why. */
    public record Failure(long seq, String reason) {
    }

    private String expectedPrev = AuditChain.GENESIS;
    private long expectedSeq = -1;
    private int lastFormat = AuditChain.FORMAT_SORTED_KEYS;
    private long verified;
    private Failure failure;

    /** A verifier for a chain fed to it entry by entry with {@link #accept}. */
    public AuditChainVerifier() {
    }

    public static Result verify(Iterable<AuditEntry> entriesInSeqOrder) {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (AuditEntry e : entriesInSeqOrder) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.result();
    }

    /** Checks the next entry; {@code false} once the chain is broken (later entries are not looked at). */
    public boolean accept(AuditEntry e) {
        if (failure != null) {
            return false;
        }
        if (expectedSeq >= 0 && e.seq() != expectedSeq) {
            failure = new Failure(e.seq(), "sequence gap: expected entry " + expectedSeq + ", found " + e.seq()
                    + " (entries removed)");
        } else if (!e.prevHash().equals(expectedPrev)) {
            failure = new Failure(e.seq(), "previous hash does not match the entry before it");
        } else if (!AuditChain.knows(e.format())) {
            failure = new Failure(e.seq(), "unknown format " + e.format() + " (written by a newer IoTSeal?)");
        } else if (e.format() < lastFormat) {
            failure = new Failure(e.seq(), "format " + e.format() + " after an entry of format " + lastFormat
                    + " (formats never go back: entry changed)");
        } else if (!matchesItsHash(e)) {
            failure = new Failure(e.seq(), "content does not match its hash (entry changed)");
        } else {
            expectedPrev = e.hash();
            expectedSeq = e.seq() + 1;
            lastFormat = e.format();
            verified++;
        }
        return failure == null;
    }

    private static boolean matchesItsHash(AuditEntry e) {
        try {
            return AuditChain.hashOf(e).equals(e.hash());
        } catch (IllegalArgumentException notCanonicalisable) {
            return false; // e.g. a number RFC 8785 cannot hold: the server never writes one
        }
    }

    /** The hash of the last entry that held ({@link AuditChain#GENESIS} before the first). */
    public String lastHash() {
        return expectedPrev;
    }

    public Result result() {
        return new Result(verified, Optional.ofNullable(failure));
    }
}
