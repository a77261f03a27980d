package io.iotseal.server.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The intake's limits ({@code iotseal.cases.*}, ADR 0099). Our defaults, not a standard's: a capability link lives
 * 180 days (long enough for a 90-day embargo and the fix after it); a report's details up to 20,000 characters, a
 * message up to 10,000; 5 reports per source address before each further one must wait (1 s, doubling, up to 15
 * minutes, as for failed logins); attachments up to 5 MiB.
 */
@ConfigurationProperties(prefix = "iotseal.cases")
public record CaseProperties(Duration linkValidity, int maxDetailsChars, int maxMessageChars, int freeReportsPerSource,
                             long maxAttachmentBytes) {

    public static final Duration DEFAULT_LINK_VALIDITY = Duration.ofDays(180);

    public CaseProperties {
        if (linkValidity == null || linkValidity.isNegative() || linkValidity.isZero()) {
            linkValidity = DEFAULT_LINK_VALIDITY;
        }
        if (maxDetailsChars <= 0) {
            maxDetailsChars = 20_000;
        }
        if (maxMessageChars <= 0) {
            maxMessageChars = 10_000;
        }
        if (freeReportsPerSource <= 0) {
            freeReportsPerSource = 5;
        }
        if (maxAttachmentBytes <= 0) {
            maxAttachmentBytes = 5L * 1024 * 1024;
        }
    }
}
