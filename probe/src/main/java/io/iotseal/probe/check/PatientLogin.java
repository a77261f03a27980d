package io.iotseal.probe.check;

import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.LoginOutcome;

import java.time.Duration;

/**
 * A login service with a wait that adapts to the delays it shows (ADR 0076). {@code /bin/login} and vsftpd
 * delay each failure by about 3 s, the probe's old default timeout, so answers were missed half the time.
 * The wait starts at the configured timeout and, once a failure was observed, is at least twice the
 * slowest failure plus a second. An attempt that gets no answer (or a handshake fault) is retried with
 * double the wait, up to {@link #RETRIES} times, before it counts as unknown.
 */
final class PatientLogin {
    static final int RETRIES = 2;
    /** Never wait longer than this for one answer, however slow the device was. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final LoginClient client;
    private final Duration base;
    private volatile Duration wait;
    private volatile long slowestFailureMillis;

    PatientLogin(LoginClient client, Duration base) {
        this.client = client;
        this.base = base;
        this.wait = base;
    }

    LoginClient client() {
        return client;
    }

    /** The wait used for the next answer. */
    Duration currentWait() {
        return wait;
    }

    /** The slowest rejection seen so far (0 when none). */
    long slowestFailureMillis() {
        return slowestFailureMillis;
    }

    LoginAttempt attempt(Credential credential) {
        Duration w = wait;
        LoginAttempt a = client.attempt(credential, w);
        for (int retry = 0; retry < RETRIES && retryable(a); retry++) {
            w = min(w.multipliedBy(2), MAX_WAIT);
            a = client.attempt(credential, w);
        }
        if (a.outcome() == LoginOutcome.REJECTED) {
            learn(a.elapsed().toMillis());
        }
        return a;
    }

    private synchronized void learn(long failureMillis) {
        if (failureMillis > slowestFailureMillis) {
            slowestFailureMillis = failureMillis;
            Duration adapted = Duration.ofMillis(failureMillis * 2 + 1000);
            wait = min(adapted.compareTo(base) > 0 ? adapted : base, MAX_WAIT);
        }
    }

    private static boolean retryable(LoginAttempt a) {
        return a.outcome() == LoginOutcome.UNKNOWN || a.outcome() == LoginOutcome.FAULT;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
