package io.iotseal.probe.check;

import io.iotseal.json.JsonMappers;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.finding.Verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides from deliberately wrong logins whether a service resists guessing (ADR 0076). Protection shows
 * as a refusal (lockout, connection cap, HTTP 429) or as failures getting slower; otherwise the verdict is
 * the guess rate an attacker gets, one session at a time or with parallel sessions, whichever is higher,
 * against the threshold in {@code brute-force.yaml}.
 */
final class BruteForceJudgement {
    /** Later failures this many times slower than the first ones count as slowing down... */
    static final double SLOWDOWN_FACTOR = 2.0;
    /** ...if they are also at least this much slower (so loopback jitter never counts). */
    static final long SLOWDOWN_MIN_MILLIS = 300;

    record Judgement(Verdict verdict, String summary) {
    }

    /** The documented threshold and where it comes from. */
    record Threshold(int version, double maxGuessesPerSecond, int parallelSessions, String source) {
        private static final String RESOURCE = "/io/iotseal/probe/brute-force.yaml";

        static Threshold builtIn() {
            try (InputStream in = BruteForceJudgement.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                var root = JsonMappers.strictYaml().readTree(in);
                return new Threshold(root.path("version").asInt(), root.path("max-guesses-per-second").asDouble(),
                        root.path("parallel-sessions").asInt(), root.path("source").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }

        String describe() {
            return String.format(Locale.ROOT, "threshold %.2f guesses/s (brute-force.yaml v%d)", maxGuessesPerSecond, version);
        }
    }

    /**
     * Wrong logins sent over parallel sessions at once.
     *
     * @param sessions sessions opened at the same time
     * @param rejected answers that rejected the password (each is a guess the attacker got)
     * @param refused  sessions the device turned away
     * @param other    accepted, unanswered or faulty attempts
     * @param accepted whether any wrong password was accepted
     */
    record Burst(int sessions, int rejected, int refused, int other, boolean accepted, long wallMillis) {
        static final Burst NONE = new Burst(0, 0, 0, 0, false, 0);

        double rate() {
            return wallMillis <= 0 ? 0 : rejected * 1000.0 / wallMillis;
        }
    }

    private BruteForceJudgement() {
    }

    static Judgement judge(String service, List<LoginAttempt> attempts) {
        return judge(service, attempts, Burst.NONE, Threshold.builtIn());
    }

    static Judgement judge(String service, List<LoginAttempt> attempts, Burst burst, Threshold threshold) {
        int n = attempts.size();
        for (int i = 0; i < n; i++) {
            LoginAttempt a = attempts.get(i);
            if (a.outcome() == LoginOutcome.ACCEPTED) {
                return new Judgement(Verdict.FAIL, service + " accepted a random wrong password");
            }
            if (a.outcome() == LoginOutcome.REFUSED && i == 0) {
                // Refused before any wrong password of ours was answered: a lockout left by earlier attempts
                // or a device that refuses everyone; no defence against guessing was observed here.
                return new Judgement(Verdict.INCONCLUSIVE, service + " refused the first attempt before any "
                        + "password was checked (" + a.detail() + "): no guess rate or lockout was observed");
            }
            if (a.outcome() == LoginOutcome.REFUSED) {
                return new Judgement(Verdict.PASS, service + " refused further attempts after " + i
                        + " failed logins (" + a.detail() + ")");
            }
            if (a.outcome() == LoginOutcome.UNKNOWN || a.outcome() == LoginOutcome.FAULT) {
                return new Judgement(Verdict.INCONCLUSIVE, service + " stopped answering after " + i
                        + " failed logins (" + a.detail() + ", after retries with longer waits): a tarpit, a lockout or a fault");
            }
        }
        if (burst.accepted()) {
            return new Judgement(Verdict.FAIL, service + " accepted a random wrong password");
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
        long total = Arrays.stream(millis).sum();
        double sequential = total == 0 ? n : n * 1000.0 / total;
        double rate = Math.max(sequential, burst.rate());
        String measured = String.format(Locale.ROOT, "%d wrong passwords in a row at %d ms each (%.1f guesses/s one at a time",
                n, late, sequential);
        if (burst.sessions() > 0) {
            measured += String.format(Locale.ROOT, ", %.1f guesses/s over %d parallel sessions", burst.rate(), burst.sessions());
            if (burst.refused() > 0) {
                measured += ", " + burst.refused() + " parallel sessions refused";
            }
        }
        measured += ")";
        if (rate <= threshold.maxGuessesPerSecond()) {
            return new Judgement(Verdict.PASS, String.format(Locale.ROOT, "%s rejected %s: at most %.2f guesses/s, within the %s",
                    service, measured, rate, threshold.describe()));
        }
        return new Judgement(Verdict.FAIL, String.format(Locale.ROOT,
                "%s rejected %s without lockout or slowdown: %.1f guesses/s exceeds the %s", service, measured, rate,
                threshold.describe()));
    }

    /** The median; for an even count the upper or the lower of the two middle values. */
    private static long median(long[] values, int from, int to, boolean upper) {
        long[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        return part[upper ? part.length / 2 : (part.length - 1) / 2];
    }
}
