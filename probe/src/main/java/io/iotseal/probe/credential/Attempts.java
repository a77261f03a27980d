package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Times a login attempt and turns network errors into outcomes, the same way for every protocol. */
final class Attempts {
    private Attempts() {
    }

    /** What a protocol's attempt decided. */
    record Result(LoginOutcome outcome, String detail) {
    }

    @FunctionalInterface
    interface Body {
        Result run(List<Exchange> transcript) throws IOException;
    }

    static LoginAttempt timed(Credential credential, Body body) {
        long start = System.nanoTime();
        List<Exchange> transcript = new ArrayList<>();
        Result result;
        try {
            result = body.run(transcript);
        } catch (ConnectException e) {
            result = new Result(LoginOutcome.REFUSED, "connection refused");
        } catch (SocketTimeoutException e) {
            result = new Result(LoginOutcome.UNKNOWN, "timed out");
        } catch (SocketException e) {
            result = new Result(LoginOutcome.REFUSED, "connection closed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // A library refusing our input or choking on the device's answer: unclassifiable, not fatal.
            result = new Result(LoginOutcome.UNKNOWN, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new LoginAttempt(credential, result.outcome(), Duration.ofNanos(System.nanoTime() - start),
                result.detail(), transcript);
    }
}
