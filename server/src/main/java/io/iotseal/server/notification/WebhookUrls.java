package io.iotseal.server.notification;

import io.iotseal.server.web.ApiException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which webhook URLs are accepted (ADR 0082): absolute https URLs without user info or fragment; http
 * only to a loopback address (127.0.0.0/8, ::1, localhost), for tests and receivers on the same host.
 * Anything else is a 400 naming {@code url}. Host names are not resolved here: no look-up happens
 * while a request is being checked.
 */
final class WebhookUrls {

    private WebhookUrls() {
    }

    static String check(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("url", "required for a webhook");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw ApiException.invalid("url", "must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ApiException.invalid("url", "must have neither user info nor a fragment");
        }
        if (scheme.equals("https")) {
            return uri.toString();
        }
        if (scheme.equals("http") && loopback(uri.getHost())) {
            return uri.toString();
        }
        throw ApiException.invalid("url", "must be https (http only to a loopback address such as 127.0.0.1)");
    }

    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: not resolved here, so not known to be loopback
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: parsed, not looked up
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
