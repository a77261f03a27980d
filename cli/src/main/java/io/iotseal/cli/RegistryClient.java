package io.iotseal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.json.JsonMappers;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.status.StatusListCredential;
import io.iotseal.label.status.StatusPurpose;
import io.iotseal.label.verify.RegistryStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code label verify --online} fetches from a registry: its JWKS, its two status lists and a
 * label's live status (the public page's JSON). HTTPS only, except to this machine (a registry started
 * with {@code ./iotseal serve}); every answer is size-capped and times out.
 */
final class RegistryClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The live-status JSON is a handful of fields. */
    static final int MAX_STATUS_JSON_CHARS = 512 * 1024; // the status and the security information (ADR 0096)
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** The registry could not be reached or answered with something other than what was asked for. */
    static final class UnreachableException extends RuntimeException {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RegistryClient(String origin) {
        this.origin = origin;
    }

    /** @param url the registry's origin, e.g. {@code https://registry.example.org} */
    static RegistryClient of(String url) {
        URI uri = checked(url, "--online");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new UserInputException("--online: '" + url + "' must not have a query, fragment or user name");
        }
        String origin = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new RegistryClient(origin);
    }

    /**
     * The JWKS at a full address, e.g. {@code https://registry.example.org/.well-known/jwks.json}, under the
     * same rules (https, http only to this machine, size cap, time-out); errors name {@code option}.
     */
    static String jwksAt(String url, String option) {
        URI uri = checked(url, option);
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new UserInputException(option + ": '" + url + "' must not have a fragment or user name");
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RegistryClient client = new RegistryClient(uri.getScheme() + "://" + uri.getRawAuthority());
        return client.fetch(path, "application/jwk-set+json, application/json", TrustedKeys.MAX_JWKS_CHARS)
                .orElseThrow(() -> new UnreachableException(url + ": not found", null));
    }

    /** {@code url} as a URI, if it is https, or http to this machine. */
    private static URI checked(String url, String option) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UserInputException(option + ": '" + url + "' is not a URL: " + e.getReason());
        }
        boolean loopback = uri.getHost() != null && LOOPBACK.contains(uri.getHost());
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
            throw new UserInputException(option + ": '" + url + "' must be an https URL (http only to this machine)");
        }
        return uri;
    }

    String origin() {
        return origin;
    }

    String jwks() {
        return fetch("/.well-known/jwks.json", "application/jwk-set+json, application/json", TrustedKeys.MAX_JWKS_CHARS)
                .orElseThrow(() -> new UnreachableException(origin + "/.well-known/jwks.json: not found", null));
    }

    String statusList(StatusPurpose purpose) {
        String path = "/status/" + purpose.code();
        return fetch(path, "application/vc+jwt", StatusListCredential.MAX_CHARS)
                .orElseThrow(() -> new UnreachableException(origin + path + ": not found", null));
    }

    /** The label's live status, or empty when the registry does not know the label (404). */
    Optional<RegistryStatus> labelStatus(String labelId) {
        if (!labelId.matches("[A-Z0-9]{1,64}")) {
            return Optional.empty();
        }
        return fetch("/l/" + labelId, "application/json", MAX_STATUS_JSON_CHARS).map(body -> {
            try {
                JsonNode node = JsonMappers.strict().readTree(body);
                return new RegistryStatus(text(node, "status"), text(node, "reason"), text(node, "statusSince"));
            } catch (IOException e) {
                throw new UnreachableException(origin + "/l/" + labelId + ": not JSON: " + e.getMessage(), e);
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The body of a 200 answer, empty for 404; anything else, or more than {@code maxChars}, fails. */
    private Optional<String> fetch(String path, String accept, int maxChars) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(TIMEOUT)
                .header("Accept", accept).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404) {
                    return Optional.empty();
                }
                if (response.statusCode() != 200) {
                    throw new UnreachableException(origin + path + ": HTTP " + response.statusCode(), null);
                }
                byte[] bytes = body.readNBytes(maxChars + 1);
                if (bytes.length > maxChars) {
                    throw new UnreachableException(origin + path + ": answer larger than " + maxChars + " bytes", null);
                }
                return Optional.of(new String(bytes, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UnreachableException(origin + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(origin + path + ": interrupted", e);
        }
    }
}
