package io.iotseal.probe.survey.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Sends a survey's scope and observations to a registry (docs/surveys.md): {@code PUT /api/v1/surveys/{id}}
 * once, then {@code POST …/observations} in NDJSON batches within the registry's caps. The registry keeps one
 * observation per (campaign, address), so sending a batch again after a lost answer doubles nothing: a
 * failed batch is retried a few times with a growing pause before the upload gives up.
 *
 * <p>HTTPS only, except to this machine, as for every other registry call of the command line: the API token
 * must not cross a network in clear text.
 */
public final class RegistryUpload {
    /** The registry's caps for one upload (docs/surveys.md). */
    public static final int MAX_LINES = 5_000;
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String origin;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** What the registry said about the observations it received. */
    public record Counts(long received, long stored, long duplicates, long matched, long labelFindings) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(received + o.received, stored + o.stored, duplicates + o.duplicates,
                    matched + o.matched, labelFindings + o.labelFindings);
        }
    }

    /** The registry refused or could not be reached; the message says which call and why. */
    public static final class UploadException extends RuntimeException {
        public UploadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param registryUrl the registry's origin, e.g. {@code https://registry.example.org}
     * @param apiToken    an operator admin's API token ({@code iots_…})
     */
    public RegistryUpload(String registryUrl, String apiToken) {
        this.origin = checkedOrigin(registryUrl);
        if (apiToken == null || apiToken.isBlank() || apiToken.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("token: give an operator admin's API token (iots_…)");
        }
        this.token = apiToken.strip();
    }

    static String checkedOrigin(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "registry"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("registry: '" + url + "' is not a URL: " + e.getReason());
        }
        boolean loopback = uri.getHost() != null && LOOPBACK.contains(uri.getHost());
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
            throw new IllegalArgumentException("registry: '" + url + "' must be an https URL (http only to this machine)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("registry: '" + url + "' must not have a query, fragment or user name");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    /** Registers the campaign with its signed-off scope (canonical JSON); the same scope again is accepted. */
    public void register(String campaignId, byte[] scopeJson) {
        checkCampaign(campaignId);
        send(HttpRequest.newBuilder(URI.create(origin + "/api/v1/surveys/" + campaignId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(scopeJson)), "register campaign " + campaignId);
    }

    /**
     * Uploads observations (one JSON document each, without line breaks) in as many batches as the caps
     * need, and adds up what the registry answered.
     */
    public Counts upload(String campaignId, List<byte[]> observations) {
        checkCampaign(campaignId);
        Counts total = Counts.NONE;
        for (List<byte[]> batch : batches(observations)) {
            total = total.plus(post(campaignId, batch));
        }
        return total;
    }

    /** The scope format's id rule (docs/surveys.md); it also keeps the id a single, harmless path segment. */
    private static void checkCampaign(String id) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{2,63}")) {
            throw new IllegalArgumentException("campaign: '" + id + "' is not a campaign id ([a-z0-9][a-z0-9-]{2,63})");
        }
    }

    /** Cuts the observations into batches of at most {@link #MAX_LINES} lines and {@link #MAX_BYTES} bytes. */
    static List<List<byte[]>> batches(List<byte[]> observations) {
        List<List<byte[]>> batches = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        long bytes = 0;
        for (byte[] line : observations) {
            if (line.length + 1 > MAX_BYTES) {
                throw new IllegalArgumentException("an observation of " + line.length + " bytes exceeds the upload cap");
            }
            if (current.size() == MAX_LINES || bytes + line.length + 1 > MAX_BYTES) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(line);
            bytes += line.length + 1;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private Counts post(String campaignId, List<byte[]> batch) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] line : batch) {
            for (byte b : line) {
                if (b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("an observation must be one line of JSON");
                }
            }
            body.writeBytes(line);
            body.write('\n');
        }
        String answer = send(HttpRequest.newBuilder(URI.create(origin + "/api/v1/surveys/" + campaignId + "/observations"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "upload to campaign " + campaignId);
        try {
            JsonNode n = JSON.readTree(answer);
            return new Counts(n.path("received").asLong(), n.path("stored").asLong(), n.path("duplicates").asLong(),
                    n.path("matched").asLong(), n.path("labelFindings").asLong());
        } catch (IOException e) {
            throw new UploadException("upload to campaign " + campaignId + ": the registry's answer is not JSON", e);
        }
    }

    /** Sends with the token; retries what may succeed later (no answer, 429, 5xx); refusals fail at once. */
    private String send(HttpRequest.Builder request, String what) {
        HttpRequest built = request.timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build();
        UploadException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                String detail = what + ": HTTP " + status + " " + problemDetail(response.body());
                if (status != 429 && status < 500) {
                    throw new UploadException(detail, null);
                }
                last = new UploadException(detail, null);
            } catch (IOException e) {
                last = new UploadException(what + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UploadException(what + ": interrupted", e);
            }
            pause(attempt);
        }
        throw last;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The RFC 9457 problem's detail when the body is one, else the body's start. */
    private static String problemDetail(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("detail")) {
                return n.get("detail").asText();
            }
        } catch (IOException ignored) {
            // not JSON: show what came
        }
        return body == null ? "" : body.substring(0, Math.min(300, body.length()));
    }
}
