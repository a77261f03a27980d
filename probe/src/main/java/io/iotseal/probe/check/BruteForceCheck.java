package io.iotseal.probe.check;

import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.LoginAttempt;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.LoginOutcome;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Wrong passwords per login service, measuring how the service reacts (see {@link BruteForceJudgement}
 * and ADR 0076). First it establishes that password login is offered at all (otherwise N/A with the
 * reason); then a series one at a time, which shows lockouts and slowdowns; then, if the device neither
 * locked nor slowed, a burst over parallel sessions (bounded by {@code brute-force.yaml} and
 * {@code --max-connections}), which shows the rate an attacker actually gets. An account the
 * default-credential check just logged into gets no wrong passwords unless the operator asks for it.
 */
public final class BruteForceCheck extends PerServiceCheck {
    public static final String ID = "brute-force-resistance";
    /** Rounds of the parallel burst: each session sends this many wrong passwords, one after another. */
    static final int BURST_ROUNDS = 2;

    public BruteForceCheck() {
        super(ID, "no login service found");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        return device.loginClients().stream().map(client -> test(device, client)).toList();
    }

    private Finding test(DeviceContext device, LoginClient client) {
        var service = LoginServices.serviceOf(device, client);
        Credential known = device.workingCredentials().get(client.port());
        boolean acceptsAnything = known != null && known.source().equals(DefaultCredentialCheck.CANARY_SOURCE);
        if (known != null && !acceptsAnything && !device.settings().bruteForceKnownAccounts()) {
            return device.finding(ID, service, Verdict.NOT_APPLICABLE, "skipped: " + client.service() + " account '"
                    + known.username() + "' just logged in with a default credential (default-credentials check); wrong "
                    + "passwords are not sent to a working account (--brute-force-known-accounts to test it anyway)",
                    List.of());
        }
        String user = known != null ? known.username() : client.service().startsWith("mqtt") ? "device" : "admin";
        PatientLogin login = device.patient(client);
        int count = device.settings().bruteForceAttempts();
        List<LoginAttempt> attempts = new ArrayList<>();
        List<Exchange> evidence = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            device.progress(client.service() + ":" + client.port() + " brute-force " + (i + 1) + "/" + count);
            LoginAttempt a = login.attempt(wrong(user));
            evidence.add(new Exchange(client.service(), "wrong password " + (i + 1) + " for " + a.credential().redacted(),
                    a.outcome() + " in " + a.elapsed().toMillis() + " ms: " + a.detail()));
            if (i == 0 && a.outcome() == LoginOutcome.NOT_OFFERED) {
                return device.finding(ID, service, Verdict.NOT_APPLICABLE, client.service() + " offers no password "
                        + "login for '" + user + "' (" + a.detail() + "); no password was checked, so there is nothing "
                        + "to guess", evidence);
            }
            attempts.add(a);
            if (a.outcome() != LoginOutcome.REJECTED) {
                break;
            }
        }
        var threshold = BruteForceJudgement.Threshold.builtIn();
        var burst = BruteForceJudgement.Burst.NONE;
        boolean allRejected = attempts.size() == count
                && attempts.stream().allMatch(a -> a.outcome() == LoginOutcome.REJECTED);
        if (allRejected) {
            int sessions = Math.min(threshold.parallelSessions(), device.settings().maxConnectionsPerTarget());
            device.progress(client.service() + ":" + client.port() + " brute-force burst over " + sessions + " sessions");
            burst = burst(login, user, sessions, evidence);
        }
        var judgement = BruteForceJudgement.judge(client.service(), attempts, burst, threshold);
        return device.finding(ID, service, judgement.verdict(), judgement.summary(), evidence);
    }

    private static Credential wrong(String user) {
        return new Credential(user, DefaultCredentialCheck.canary().password(), "random wrong password", true);
    }

    /** {@code sessions} sessions at once, each sending {@link #BURST_ROUNDS} wrong passwords in turn. */
    private static BruteForceJudgement.Burst burst(PatientLogin login, String user, int sessions, List<Exchange> evidence) {
        List<LoginAttempt> all = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < sessions; s++) {
                running.add(pool.submit(() -> {
                    for (int r = 0; r < BURST_ROUNDS; r++) {
                        // No retries here: an unanswered parallel attempt is counted, not repeated.
                        LoginAttempt a = login.client().attempt(wrong(user), login.currentWait());
                        all.add(a);
                        if (a.outcome() != LoginOutcome.REJECTED) {
                            return;
                        }
                    }
                }));
            }
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        int rejected = (int) all.stream().filter(a -> a.outcome() == LoginOutcome.REJECTED).count();
        int refused = (int) all.stream().filter(a -> a.outcome() == LoginOutcome.REFUSED).count();
        boolean accepted = all.stream().anyMatch(a -> a.outcome() == LoginOutcome.ACCEPTED);
        evidence.add(new Exchange(login.client().service(), sessions + " parallel sessions x " + BURST_ROUNDS
                + " wrong passwords for " + user, rejected + " rejected, " + refused + " refused, "
                + (all.size() - rejected - refused) + " other, in " + wall + " ms"));
        return new BruteForceJudgement.Burst(sessions, rejected, refused, all.size() - rejected - refused, accepted, wall);
    }
}
