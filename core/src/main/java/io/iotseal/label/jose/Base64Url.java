package io.iotseal.label.jose;

import java.util.Base64;

/** Unpadded base64url (RFC 4648 section 5), strict on input: any other character is refused. */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException naming {@code field} for padding, whitespace or foreign characters */
    public static byte[] decode(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException(field + " is not unpadded base64url (character " + i + ")");
            }
        }
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException(field + " is not unpadded base64url (bad length)");
        }
        byte[] bytes = DECODER.decode(text);
        // The JDK ignores the unused low bits of the last character; two spellings of the same bytes
        // would let a changed character go unnoticed, so only the canonical spelling is accepted.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(field + " is not canonical base64url (unused bits set)");
        }
        return bytes;
    }
}
