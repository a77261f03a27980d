package io.iotseal.label.verify;

import io.iotseal.label.jose.VerificationException;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.status.StatusListCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Status list credentials whose signatures were verified once, to check many labels against (a
 * verifier app's cached lists, the registry's own online check): decompressing a list costs far
 * more than verifying a label.
 */
public final class StatusSnapshot {
    private final List<StatusListCredential.Verified> lists;

    private StatusSnapshot(List<StatusListCredential.Verified> lists) {
        this.lists = List.copyOf(lists);
    }

    public static final StatusSnapshot NONE = new StatusSnapshot(List.of());

    /** Verifies each list's signature and that it is valid at {@code at}. */
    public static StatusSnapshot read(List<String> statusListJwts, TrustedKeys trusted, Instant at)
            throws VerificationException {
        List<StatusListCredential.Verified> verified = new ArrayList<>();
        for (String jwt : statusListJwts == null ? List.<String>of() : statusListJwts) {
            verified.add(StatusListCredential.verify(jwt, trusted, at));
        }
        return new StatusSnapshot(verified);
    }

    List<StatusListCredential.Verified> lists() {
        return lists;
    }

    public boolean isEmpty() {
        return lists.isEmpty();
    }
}
