package io.iotseal.label;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a scheme operator's registry lives: the issuer id of its credentials, the base of public
 * label pages (the QR opens {@code labelPageBase + token}) and the base of status list credentials
 * ({@code statusListBase + "revocation"} and {@code + "suspension"}).
 */
public record RegistryUrls(String issuer, String labelPageBase, String statusListBase) {
    public RegistryUrls {
        check(issuer, "issuer", 200);
        check(labelPageBase, "labelPageBase", LabelLimits.BASE_URL_CHARS);
        check(statusListBase, "statusListBase", 200);
        if (!labelPageBase.endsWith("/") || !statusListBase.endsWith("/")) {
            throw new IllegalArgumentException("labelPageBase and statusListBase must end with '/'");
        }
        if (!labelPageBase.matches("https://[a-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~-]*)*/")
                && !labelPageBase.matches(LOOPBACK_HTTP + "(/[A-Za-z0-9._~-]*)*/")) {
            throw new IllegalArgumentException("labelPageBase '" + labelPageBase
                    + "' must be https://host[/path]/ with a lower-case host and no query or fragment");
        }
    }

    /**
     * Plain http is accepted only for this machine (ADR 0071): the embedded default serves
     * http://127.0.0.1:8080, and its demo QR codes must open that page. Loopback traffic never leaves
     * the machine, which is why browsers also treat it as a secure context.
     */
    private static final String LOOPBACK_HTTP = "http://(127\\.0\\.0\\.1|localhost|\\[::1]):[0-9]{1,5}";

    /** Whether {@code url} is an http URL of this machine (127.0.0.1, localhost or [::1], with a port). */
    public static boolean isLoopbackHttp(String url) {
        return url != null && url.matches(LOOPBACK_HTTP + "(/.*)?");
    }

    /** Same host for everything: {@code https://host/}, pages under {@code l/}, lists under {@code status/}. */
    public static RegistryUrls at(String origin) {
        String base = origin.endsWith("/") ? origin : origin + "/";
        return new RegistryUrls(base.substring(0, base.length() - 1), base + "l/", base + "status/");
    }

    public String statusListUrl(io.iotseal.label.status.StatusPurpose purpose) {
        return statusListBase + purpose.code();
    }

    private static void check(String url, String field, int maxChars) {
        if (url == null || url.length() > maxChars) {
            throw new IllegalArgumentException(field + " is missing or longer than " + maxChars + " characters");
        }
        try {
            URI uri = new URI(url);
            if ((!"https".equals(uri.getScheme()) && !isLoopbackHttp(url)) || uri.getHost() == null) {
                throw new IllegalArgumentException(field + " '" + url + "' must be an https URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " '" + url + "' is not a URL: " + e.getReason(), e);
        }
    }
}
