package io.iotseal.server.label;

import java.time.Instant;

/** A signed status list as served: the vc+jwt (and its bytes, ready to write), its ETag and when it was signed. */
public record SignedStatusList(String jwt, byte[] bytes, String etag, Instant signedAt) {
}
