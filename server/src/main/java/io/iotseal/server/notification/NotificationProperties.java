package io.iotseal.server.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Notification settings ({@code iotseal.notifications.*}, ADR 0081).
 *
 * @param dispatcher     whether this instance delivers (default true); every instance may, claims keep them apart
 * @param pollInterval   how often an idle dispatcher looks for due deliveries (a commit on this instance wakes it at once)
 * @param batchSize      deliveries claimed per query
 * @param concurrency    deliveries in flight at once per instance
 * @param lease          how long a claim lasts: a delivery whose instance died is tried again after it
 * @param maxAttempts    attempts before a delivery is dead-lettered
 * @param firstRetry     the back-off after the first failure, doubled per attempt (with jitter) up to {@code maxRetry}
 * @param maxRetry       the longest back-off
 * @param connectTimeout a receiver's connect timeout
 * @param requestTimeout a receiver's whole-answer timeout; must be well below the lease
 * @param secretGrace    how long a rotated-out webhook secret still signs (beside the new one)
 * @param mailFrom       the From address of notification e-mail
 */
@ConfigurationProperties(prefix = "iotseal.notifications")
public record NotificationProperties(Boolean dispatcher, Duration pollInterval, Integer batchSize, Integer concurrency,
                                     Duration lease, Integer maxAttempts, Duration firstRetry, Duration maxRetry,
                                     Duration connectTimeout, Duration requestTimeout, Duration secretGrace,
                                     String mailFrom) {
    public NotificationProperties {
        dispatcher = dispatcher == null || dispatcher;
        pollInterval = positive(pollInterval, Duration.ofSeconds(1));
        batchSize = batchSize == null || batchSize < 1 ? 256 : batchSize;
        concurrency = concurrency == null || concurrency < 1 ? 64 : concurrency;
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5));
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(10));
        lease = positive(lease, Duration.ofSeconds(60));
        if (lease.compareTo(requestTimeout.plus(connectTimeout)) <= 0) {
            throw new IllegalArgumentException("iotseal.notifications.lease must be longer than the connect and request"
                    + " timeouts together, or a slow delivery would be claimed again while still running");
        }
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 10 : maxAttempts;
        firstRetry = positive(firstRetry, Duration.ofSeconds(10));
        maxRetry = positive(maxRetry, Duration.ofHours(6));
        secretGrace = positive(secretGrace, Duration.ofHours(24));
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "iotseal@localhost" : mailFrom;
    }

    private static Duration positive(Duration d, Duration otherwise) {
        return d == null || d.isNegative() || d.isZero() ? otherwise : d;
    }
}
