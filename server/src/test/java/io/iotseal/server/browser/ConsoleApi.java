package io.iotseal.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The REST API over a real socket with a bearer token, for the parts of a browser test another role does
 * whose pages the test does not visit (the vendor's side of a review, ADR 0086). Answers the JSON body and
 * fails on any status but the expected one.
 */
final class ConsoleApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json;
    private final String baseUrl;
    private final String token;

    ConsoleApi(ObjectMapper json, String baseUrl, String token) {
        this.json = json;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), 200);
    }

    /** POST or PUT of {@code body} as JSON; with the record's version in If-Match when {@code version} is not null. */
    JsonNode send(String method, String path, Object body, Long version, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (version != null) {
                request.header("If-Match", "\"" + version + "\"");
            }
            return send(request, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.build().method() + " " + request.build().uri() + ": expected "
                        + expected + ", got " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? null : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
