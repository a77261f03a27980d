package io.iotseal.label.credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * IoTSeal's own JSON-LD context for label credentials (ADR 0056): it defines every term a label adds to
 * the W3C VC 2.0 context, whose final version has no catch-all {@code @vocab}. Every registry serves
 * these exact bytes at {@link #PATH}; a credential names that URL in its {@code @context} and pins the
 * bytes with a {@code relatedResource} digest, so a changed context is noticed.
 */
public final class LabelContext {
    /** Where a registry serves the context, below its issuer origin. */
    public static final String PATH = "/contexts/label-v1.jsonld";
    public static final String MEDIA_TYPE = "application/ld+json";
    private static final byte[] BYTES = load();
    /** Subresource Integrity digest of the bytes, as VC 2.0's {@code digestSRI} wants it. */
    public static final String DIGEST_SRI = "sha384-" + Base64.getEncoder().encodeToString(sha384(BYTES));

    private LabelContext() {
    }

    /** The context's URL at the registry that issues as {@code issuer} (an https origin). */
    public static String url(String issuer) {
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + PATH;
    }

    /** A copy of the document's bytes. */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    private static byte[] load() {
        try (InputStream in = LabelContext.class.getResourceAsStream("label-v1.jsonld")) {
            if (in == null) {
                throw new IllegalStateException("label-v1.jsonld is missing from the core jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha384(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-384", e);
        }
    }
}
