package io.iotseal.probe.finding;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from evidence before it is stored or printed. A report is handed to vendors, labs and
 * scheme operators, so a password that worked must never appear in it: we keep the user name (it tells
 * which account is weak) and replace every password and Authorization value with a fixed marker.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?im)^(Authorization:\\s*)(Basic|Digest)\\s+.*$");
    private static final Pattern FTP_PASS = Pattern.compile("(?im)^(PASS\\s+).*$");

    private Redactor() {
    }

    /** A password as evidence: only its length class, so a blank password stays recognisable. */
    public static String password(String password) {
        return password == null || password.isEmpty() ? "(empty)" : MASK;
    }

    /**
     * Redacts a transcript: the given secret wherever it occurs (also Base64-encoded, as in Basic
     * authentication), Authorization headers and FTP PASS commands.
     */
    public static String transcript(String text, String secret) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = AUTHORIZATION.matcher(text).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + m.group(2) + " " + MASK));
        out = FTP_PASS.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        if (secret != null && !secret.isEmpty()) {
            out = out.replace(secret, MASK);
            out = out.replace(Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)), MASK);
        }
        return out;
    }
}
