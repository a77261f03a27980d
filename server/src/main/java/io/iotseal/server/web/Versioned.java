package io.iotseal.server.web;

import java.util.UUID;

/** A record with an id and an optimistic-locking version, answered with an ETag (see {@link ETags}). */
public interface Versioned {
    UUID id();

    long version();
}
