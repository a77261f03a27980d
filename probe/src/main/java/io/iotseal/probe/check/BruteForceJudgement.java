package io.iotseal.probe.check;

import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.finding.Verdict;

import java.util.List;

/**
 * Decides from a series of deliberately wrong logins whether a service resists guessing. Protection shows
 * as a refusal (lockout, connection cap, HTTP 429), as failures getting slower, or as every failure taking
 * at least a second (at most one guess per second per connection, like BusyBox's 3 s delay).
 */
final class BruteForceJudgement {
    /** A delay per failure at least this long counts as throttling. */
    static final long THROTTLE_MILLIS = 1000;
    /** Later failures this many times slower than the first ones count as slowing down... */
    static final double SLOWDOWN_FACTOR = 2.0;
    /** ...if they are also at least this much slower (so loopback jitter never counts). */
    static final long SLOWDOWN_MIN_MILLIS = 300;

    record Judgement(Verdict verdict, String summary) {
    }

    private BruteForceJudgement() {
    }

    static Judgement judge(String service, List<LoginAttempt> attempts) {
        int n = attempts.size();
        for (int i = 0; i < n; i++) {
            LoginAttempt a = attempts.get(i);
            if (a.outcome() == LoginOutcome.ACCEPTED) {
                return new Judgement(Verdict.FAIL, service + " accepted a random wrong password");
            }
            if (a.outcome() == LoginOutcome.REFUSED) {
                return new Judgement(Verdict.PASS, service + " refused further attempts after " + i
                        + " failed logins (" + a.detail() + ")");
            }
            if (a.outcome() == LoginOutcome.UNKNOWN) {
                return new Judgement(Verdict.INCONCLUSIVE, service + " stopped answering after " + i
                        + " failed logins (" + a.detail() + "): a tarpit, a lockout or a fault");
            }
        }
        long[] millis = attempts.stream().mapToLong(a -> a.elapsed().toMillis()).toArray();
        int third = Math.max(1, n / 3);
        // Conservative on purpose: the slower middle of the early attempts against the faster middle of
        // the late ones, so one slow attempt on a busy machine never reads as a slowdown.
        long early = median(millis, 0, third, true);
        long late = median(millis, n - third, n, false);
        if (late >= early * SLOWDOWN_FACTOR && late - early >= SLOWDOWN_MIN_MILLIS) {
            return new Judgement(Verdict.PASS, service + " slowed down from " + early + " ms to " + late
                    + " ms per failed login over " + n + " attempts");
        }
        long fastest = java.util.Arrays.stream(millis).min().orElse(0);
        if (fastest >= THROTTLE_MILLIS) {
            return new Judgement(Verdict.PASS, service + " takes at least " + fastest + " ms per failed login");
        }
        long total = java.util.Arrays.stream(millis).sum();
        double perSecond = total == 0 ? n : n * 1000.0 / total;
        return new Judgement(Verdict.FAIL, String.format(java.util.Locale.ROOT,
                "%s rejected %d wrong passwords in a row at %d ms each (%.1f guesses/s on one connection at a time) "
                        + "without lockout or slowdown", service, n, late, perSecond));
    }

    /** The median; for an even count the upper or the lower of the two middle values. */
    private static long median(long[] values, int from, int to, boolean upper) {
        long[] part = java.util.Arrays.copyOfRange(values, from, to);
        java.util.Arrays.sort(part);
        return part[upper ? part.length / 2 : (part.length - 1) / 2];
    }
}
