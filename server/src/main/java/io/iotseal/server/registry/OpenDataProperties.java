package io.iotseal.server.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The open-data dump's settings ({@code iotseal.open-data.*}, README "Open data", ADR 0083).
 *
 * @param dir      where the dumps are written (IOTSEAL_OPEN_DATA_DIR; default: the data folder's open-data/)
 * @param interval how often a new dump is made (IOTSEAL_OPEN_DATA_INTERVAL, default one hour, at least a minute)
 * @param licence  the licence's URI stated in the DCAT description (IOTSEAL_OPEN_DATA_LICENCE); none is
 *                 stated when empty: which licence applies is the scheme operator's decision, not ours
 */
@ConfigurationProperties(prefix = "iotseal.open-data")
public record OpenDataProperties(String dir, Duration interval, String licence) {

    public OpenDataProperties {
        if (dir == null || dir.isBlank()) {
            dir = "./data/open-data";
        }
        if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
            interval = interval == null ? Duration.ofHours(1) : Duration.ofMinutes(1);
        }
        if (licence != null && licence.isBlank()) {
            licence = null;
        }
    }
}
