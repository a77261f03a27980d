package io.iotseal.server.sbom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How large an uploaded SBOM may be ({@code iotseal.sbom.max-bytes}, ADR 0091); larger ones get 413
 * naming the limit, checked against the declared length before the body is read and while it is read.
 */
@ConfigurationProperties(prefix = "iotseal.sbom")
public record SbomProperties(long maxBytes) {

    /** 10 MiB: a CycloneDX JSON of a few thousand components with hashes and licenses stays below it. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public SbomProperties {
        if (maxBytes <= 0) {
            maxBytes = DEFAULT_MAX_BYTES;
        }
    }
}
