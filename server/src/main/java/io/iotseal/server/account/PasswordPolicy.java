package io.iotseal.server.account;

import io.iotseal.server.web.ApiException;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must not be (NIST SP 800-63B, ADR 0065), beyond the 12 to 128 characters that
 * bean validation checks: one of the 30,000 most common passwords of a breach corpus (the list zxcvbn
 * ships, taken from its Maven artifact: no network at run time), the user's own name or the service's
 * name, blank, or containing control characters or broken UTF-16. No composition rules: length and
 * the list are what the standard asks for.
 */
@Component
public class PasswordPolicy {

    /** In the zxcvbn4j jar: one password per line, most common first, lower case. */
    static final String COMMON_PASSWORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** Throws a 400 naming {@code field} when the password may not be used; {@code username} may be null. */
    public void check(String field, String password, String username) {
        if (password.isBlank()) {
            throw ApiException.invalid(field, "must not be only spaces");
        }
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isISOControl(c)) {
                throw ApiException.invalid(field, "must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < password.length() && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.invalid(field, "is not valid Unicode text");
            }
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.replaceAll("\\s+", ""))) {
            throw ApiException.invalid(field, "is one of the most common passwords; choose another");
        }
        if ((username != null && username.length() >= 4 && lower.contains(username.toLowerCase(Locale.ROOT)))
                || (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) || lower.contains("iotseal")) {
            throw ApiException.invalid(field, "must not contain the user name or the service's name");
        }
    }

    int size() {
        return common.size();
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            throw new IllegalStateException("the common-password list " + COMMON_PASSWORDS + " is not on the class path");
        }
        Set<String> words = new HashSet<>(40_000);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
