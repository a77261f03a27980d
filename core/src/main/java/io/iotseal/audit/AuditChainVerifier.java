package io.iotseal.audit;

import java.util.Optional;

/**
 * Walks an audit chain in sequence order and reports the first entry that does not hold: a gap in the
 * sequence, a previous-hash that is not the hash of the entry before, or a hash that is not the hash
 * of the entry's own content.
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
        } else if (!AuditChain.hashOf(e).equals(e.hash())) {
            failure = new Failure(e.seq(), "content does not match its hash (entry changed)");
        } else {
            expectedPrev = e.hash();
            expectedSeq = e.seq() + 1;
            verified++;
        }
        return failure == null;
    }

    public Result result() {
        return new Result(verified, Optional.ofNullable(failure));
    }
}
