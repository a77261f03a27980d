package io.iotseal.probe.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One challenge from a {@code WWW-Authenticate} header (RFC 9110 section 11.6.1), e.g.
 * {@code Digest realm="cam", nonce="abc", qop="auth"}.
 *
 * @param scheme the scheme in lower case: basic, digest, ...
 * @param params parameter names in lower case; quoted values unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]*)");

    public AuthChallenge {
        params = Map.copyOf(params);
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Parses one header value holding a single challenge. */
    public static AuthChallenge parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        if (space > 0) {
            Matcher m = PARAM.matcher(value.substring(space + 1));
            while (m.find()) {
                String v = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
                params.put(m.group(1).toLowerCase(Locale.ROOT), v);
            }
        }
        return new AuthChallenge(scheme, params);
    }

    /**
     * The challenge the probe will answer among those a response offers: Digest (SHA-256 before MD5) over
     * Basic, because a device offering both accepts either and Digest is what it prefers.
     */
    public static Optional<AuthChallenge> best(List<String> headers) {
        return headers.stream().map(AuthChallenge::parse)
                .filter(c -> c.scheme().equals("digest") || c.scheme().equals("basic"))
                .min(java.util.Comparator.comparingInt(AuthChallenge::rank));
    }

    private int rank() {
        if (scheme.equals("digest")) {
            return param("algorithm").toUpperCase(Locale.ROOT).startsWith("SHA-256") ? 0 : 1;
        }
        return 2;
    }
}
