package io.iotseal.probe.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Builds the {@code Authorization: Digest ...} value answering a challenge (RFC 7616): algorithms MD5,
 * SHA-256 and their -sess variants, with {@code qop=auth} when offered and the legacy RFC 2069 form when
 * not. Written here because the JDK's HTTP client only supports Basic.
 */
public final class DigestAuthorization {
    private DigestAuthorization() {
    }

    /**
     * @param cnonce client nonce (random in real use; fixed in tests to compare with RFC examples)
     * @param nc     request counter for this nonce, starting at 1
     */
    public static String header(AuthChallenge challenge, String method, String uri, String username,
                                String password, String cnonce, int nc) {
        String algorithm = challenge.param("algorithm").isEmpty() ? "MD5" : challenge.param("algorithm");
        String upper = algorithm.toUpperCase(Locale.ROOT);
        boolean session = upper.endsWith("-SESS");
        String hashName = upper.startsWith("SHA-256") ? "SHA-256" : upper.startsWith("SHA-512-256") ? "SHA-512/256" : "MD5";
        String realm = challenge.param("realm");
        String nonce = challenge.param("nonce");
        boolean qopAuth = java.util.Arrays.stream(challenge.param("qop").split(","))
                .map(String::strip).anyMatch("auth"::equalsIgnoreCase);
        String ncText = String.format("%08x", nc);

        String ha1 = hash(hashName, username + ":" + realm + ":" + password);
        if (session) {
            ha1 = hash(hashName, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(hashName, method + ":" + uri);
        String response = qopAuth
                ? hash(hashName, ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":auth:" + ha2)
                : hash(hashName, ha1 + ":" + nonce + ":" + ha2);

        StringBuilder sb = new StringBuilder("Digest ");
        sb.append("username=\"").append(quote(username)).append("\", realm=\"").append(quote(realm))
                .append("\", nonce=\"").append(quote(nonce)).append("\", uri=\"").append(quote(uri))
                .append("\", algorithm=").append(algorithm);
        if (qopAuth) {
            sb.append(", qop=auth, nc=").append(ncText).append(", cnonce=\"").append(quote(cnonce)).append('"');
        }
        sb.append(", response=\"").append(response).append('"');
        if (!challenge.param("opaque").isEmpty()) {
            sb.append(", opaque=\"").append(quote(challenge.param("opaque"))).append('"');
        }
        return sb.toString();
    }

    static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
