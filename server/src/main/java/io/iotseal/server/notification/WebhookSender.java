package io.iotseal.server.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Sends one webhook (ADR 0082): a CloudEvents JSON body, signed per Standard Webhooks with the
 * subscription's secret (and its previous one during a rotation's grace period). Asynchronous on one
 * shared {@link HttpClient}, which keeps connections to a receiver open between deliveries; the
 * dispatcher bounds how many are in flight. Redirects are not followed: a receiver that moved must be
 * re-subscribed, so the signed body never goes to an address nobody checked.
 */
@Component
class WebhookSender {

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final NotificationProperties properties;
    private final String source;
    private final Clock clock;

    WebhookSender(ObjectMapper mapper, NotificationProperties properties, Clock clock,
                  @Value("${iotseal.labels.public-url:https://localhost}") String source) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
        this.source = source;
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    CompletableFuture<Outcome> send(Claimed c) {
        Subscription s = c.subscription();
        String body = CloudEvents.body(mapper, c.event(), source);
        String id = c.event().id().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(s.url())).timeout(properties.requestTimeout())
                    .header("Content-Type", CloudEvents.CONTENT_TYPE)
                    .header("User-Agent", "IoTSeal-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSecrets.signatureHeader(secrets(s), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcome.failed(c, 0, "cannot build the request: " + e.getMessage()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return Outcome.failed(c, 0, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Outcome.delivered(c, status)
                    : Outcome.failed(c, status, "the receiver answered " + status);
        });
    }

    /** The current secret, and the previous one while its grace period lasts. */
    List<String> secrets(Subscription s) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(s.secret());
        if (s.previousSecret() != null && s.previousSecretUntil() != null
                && s.previousSecretUntil().isAfter(OffsetDateTime.now(clock))) {
            secrets.add(s.previousSecret());
        }
        return secrets;
    }
}
