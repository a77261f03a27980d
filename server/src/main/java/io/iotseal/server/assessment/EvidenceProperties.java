package io.iotseal.server.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where evidence files are kept and how large one may be ({@code iotseal.evidence.*}, ADR 0041).
 *
 * @param dir      folder of the content-addressed store; by default {@code evidence} under the data folder
 * @param maxBytes largest evidence file accepted; larger ones get 413
 */
@ConfigurationProperties(prefix = "iotseal.evidence")
public record EvidenceProperties(String dir, long maxBytes) {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    public EvidenceProperties {
        if (dir == null || dir.isBlank()) {
            dir = "./data/evidence";
        }
        if (maxBytes <= 0) {
            maxBytes = DEFAULT_MAX_BYTES;
        }
    }
}
