package io.iotseal.server.label;

import io.iotseal.label.RegistryUrls;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Label settings ({@code iotseal.labels.*}, README "Labels"). Without a keystore path, the keystore and
 * its generated password live under the data folder ({@code keys/}), never in the repository.
 *
 * @param keystore         PKCS#12 keystore of the signing keys (IOTSEAL_LABEL_KEYSTORE)
 * @param keystorePassword its password (IOTSEAL_LABEL_KEYSTORE_PASSWORD); required with a keystore path
 * @param publicUrl        the https origin the QR codes, credentials and status lists name
 * @param statusTtl        the status lists' ttl, also their Cache-Control max-age
 * @param statusValidity   how long a signed status list stays valid; re-signed well before
 * @param statusCheckInterval how often, at most, the served lists look for changes made through other
 *                         instances (default 1 s, at most a tenth of the ttl); clients cache them for the
 *                         ttl less this, so a change reaches them within the ttl
 */
@ConfigurationProperties(prefix = "iotseal.labels")
public record LabelProperties(String keystore, String keystorePassword, String publicUrl, Duration statusTtl,
                              Duration statusValidity, Duration statusCheckInterval) {
    public LabelProperties {
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "https://localhost";
        }
        if (statusTtl == null || statusTtl.isNegative() || statusTtl.isZero()) {
            statusTtl = Duration.ofMinutes(5);
        }
        if (statusValidity == null || statusValidity.compareTo(statusTtl.multipliedBy(2)) < 0) {
            statusValidity = Duration.ofDays(1).compareTo(statusTtl.multipliedBy(2)) < 0
                    ? statusTtl.multipliedBy(2) : Duration.ofDays(1);
        }
        if (statusCheckInterval == null || statusCheckInterval.isNegative()) {
            statusCheckInterval = Duration.ofSeconds(1);
        }
        if (statusCheckInterval.compareTo(statusTtl.dividedBy(10)) > 0) {
            statusCheckInterval = statusTtl.dividedBy(10);
        }
    }

    /** The addresses the QR codes, credentials and status lists name, under {@code publicUrl}. */
    public RegistryUrls urls() {
        return RegistryUrls.at(publicUrl);
    }
}
