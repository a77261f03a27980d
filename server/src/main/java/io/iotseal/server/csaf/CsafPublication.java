package io.iotseal.server.csaf;

import java.net.URI;
import java.time.Instant;

/**
 * What {@link CsafPublisher#publish} published: the document's tracking id, version and URL, its SHA-512 and
 * the fingerprint of the key that signed it; {@code changed} is false when the same document was already there.
 */
public record CsafPublication(String trackingId, int version, String path, URI url, String sha512,
                              String signedBy, Instant currentReleaseDate, boolean changed) {
}
