package io.iotseal.server.advisory;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Advisory feeds and their jobs ({@code iotseal.advisories.*}, ADR 0095).
 *
 * @param maxBytes        largest feed upload (413 above it); an OSV ecosystem dump is tens of MiB zipped
 * @param mirrorDir       a folder an operator mirrors feeds into, one subfolder per kind (osv, nvd, jvn, kev);
 *                        empty: no mirror import job
 * @param mirrorInterval  how often the mirror folder is looked at (an unchanged folder is not read again)
 * @param fullRematchAt   the time of day (server zone) of the daily full re-match
 * @param scheduler       whether this instance runs jobs (false: it only schedules them for others)
 * @param schedulerPoll   how often the scheduler looks for due jobs
 * @param schedulerThreads how many jobs this instance runs at once
 */
@ConfigurationProperties(prefix = "iotseal.advisories")
public record AdvisoryProperties(long maxBytes, String mirrorDir, Duration mirrorInterval, LocalTime fullRematchAt,
                                 Boolean scheduler, Duration schedulerPoll, int schedulerThreads) {

    /** 256 MiB: the largest OSV ecosystem dumps (zipped) and a year of NVD JSON stay below it. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    public AdvisoryProperties {
        if (maxBytes <= 0) {
            maxBytes = DEFAULT_MAX_BYTES;
        }
        if (mirrorDir != null && mirrorDir.isBlank()) {
            mirrorDir = null;
        }
        if (mirrorInterval == null || mirrorInterval.isNegative() || mirrorInterval.isZero()) {
            mirrorInterval = Duration.ofHours(1);
        }
        if (fullRematchAt == null) {
            fullRematchAt = LocalTime.of(3, 30);
        }
        if (scheduler == null) {
            scheduler = true;
        }
        if (schedulerPoll == null || schedulerPoll.isNegative() || schedulerPoll.isZero()) {
            schedulerPoll = Duration.ofSeconds(10);
        }
        if (schedulerThreads <= 0) {
            schedulerThreads = 2;
        }
    }
}
