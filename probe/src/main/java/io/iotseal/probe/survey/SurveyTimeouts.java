package io.iotseal.probe.survey;

import java.time.Duration;

/**
 * How long a survey waits on one device. Not part of the signed-off scope: they change how long a survey
 * takes, not what it may do, so a worker may shorten them (e.g. against simulated devices on loopback).
 *
 * @param timeout                 connect and read timeout of every operation
 * @param bannerWait              wait for a server-first greeting on each open port
 * @param maxConnectionsPerTarget simultaneous connections to one device
 */
public record SurveyTimeouts(Duration timeout, Duration bannerWait, int maxConnectionsPerTarget) {
    /**
     * Internet defaults: 2 s covers most round trips to a slow device on a mobile or DSL line; 1 s for a greeting
     * (Telnet and FTP greet at once); two connections, since embedded devices handle few at a time.
     */
    public static final SurveyTimeouts DEFAULT = new SurveyTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), 2);

    public SurveyTimeouts {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("timeout: must be more than 0 and at most 30 s, was " + timeout);
        }
        if (bannerWait == null || bannerWait.isNegative() || bannerWait.isZero() || bannerWait.compareTo(timeout) > 0) {
            throw new IllegalArgumentException("bannerWait: must be more than 0 and at most the timeout, was " + bannerWait);
        }
        if (maxConnectionsPerTarget < 1 || maxConnectionsPerTarget > 8) {
            throw new IllegalArgumentException("maxConnectionsPerTarget: must be between 1 and 8, was "
                    + maxConnectionsPerTarget);
        }
    }
}
