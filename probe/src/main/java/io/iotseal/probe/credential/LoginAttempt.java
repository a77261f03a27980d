package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;

import java.time.Duration;
import java.util.List;

/**
 * One login attempt and its result, with a redacted transcript.
 *
 * @param detail short explanation (reply code, error) for the report
 */
public record LoginAttempt(Credential credential, LoginOutcome outcome, Duration elapsed, String detail,
                           List<Exchange> transcript) {
    public LoginAttempt {
        transcript = List.copyOf(transcript);
    }
}
