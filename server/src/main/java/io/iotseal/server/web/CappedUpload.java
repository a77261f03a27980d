package io.iotseal.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Reads a raw request body that a route caps itself (an {@link RequestSizeLimitFilter.OwnSizeLimit}): a declared
 * Content-Length over the cap is refused before reading, an undeclared body is read to at most the cap and one
 * byte more, so that "too large" is known without holding more than the cap.
 */
public final class CappedUpload {

    private CappedUpload() {
    }

    /**
     * The body's bytes; {@code tooLarge} makes the 413 from a description of the size ("123 bytes", "more than
     * N bytes") when the body is over {@code maxBytes}.
     */
    public static byte[] read(long declaredLength, InputStream body, long maxBytes,
                              Function<String, ApiException> tooLarge) {
        if (declaredLength > maxBytes) {
            throw tooLarge.apply(declaredLength + " bytes");
        }
        byte[] content;
        try {
            content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        if (content.length > maxBytes) {
            throw tooLarge.apply("more than " + maxBytes + " bytes");
        }
        return content;
    }
}
