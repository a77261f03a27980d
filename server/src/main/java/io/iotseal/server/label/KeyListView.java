package io.iotseal.server.label;

import java.time.Instant;
import java.util.List;

/**
 * The registry's signing keys (ADR 0051), oldest first. {@code version} is the key generation, the
 * list's ETag, which a rotation or removal must send in If-Match.
 *
 * @param activeKid      the key every instance signs with, as the database records it
 * @param keystoreAgrees whether this instance's keystore has that key as its newest (otherwise it refuses to sign)
 */
public record KeyListView(String activeKid, boolean keystoreAgrees, List<Key> keys, long version) {

    /**
     * One key: {@code retired} once a newer key took over (it still verifies what it signed before then),
     * {@code labels} how many labels it signed: removing the key makes all of them fail verification.
     */
    public record Key(String kid, Instant created, Instant retired, boolean active, long labels) {
    }
}
