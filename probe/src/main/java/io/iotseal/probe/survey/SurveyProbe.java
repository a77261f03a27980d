package io.iotseal.probe.survey;

import io.iotseal.probe.DeviceProbe;
import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.credential.SshLogin;
import io.iotseal.probe.mapping.RequirementMappings;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.target.Target;
import org.apache.sshd.client.SshClient;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Observes one address of a survey at a time, from as many threads as the engine likes: the scope and the
 * window are checked first, the opt-out list before any packet, then the existing {@link DeviceProbe} runs
 * with the scope's settings and the survey's rate limiter, and the fingerprints are taken. At most
 * {@code parallelTargets} devices are probed at once; further callers wait.
 */
public final class SurveyProbe implements AutoCloseable {
    private final SurveyScope scope;
    private final OptOutList optOut;
    private final RateLimiter rate;
    private final Clock clock;
    private final String worker;
    private final ProbeSettings settings;
    private final Semaphore slots;
    private final SshClient ssh;
    private final DeviceProbe probe;

    /**
     * @param rate   the survey's limiter: shared by every connection this worker opens (the engine may back it
     *               by a global budget across workers)
     * @param worker who observes, recorded with each observation, e.g. "host-1/pid-4242"
     */
    public SurveyProbe(SurveyScope scope, OptOutList optOut, RateLimiter rate, int parallelTargets, Clock clock,
                       String worker) {
        this(scope, optOut, rate, parallelTargets, clock, worker, SurveyTimeouts.DEFAULT);
    }

    /** The same with other timeouts (shorter ones for simulated devices on loopback). */
    public SurveyProbe(SurveyScope scope, OptOutList optOut, RateLimiter rate, int parallelTargets, Clock clock,
                       String worker, SurveyTimeouts timeouts) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.optOut = Objects.requireNonNull(optOut, "optOut");
        this.rate = Objects.requireNonNull(rate, "rate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = ObservationRules.text("worker", worker, 200, false);
        // A worker may start before the window opens and wait for it: the settings are those the window will
        // use, and observe() refuses every address while the window is closed.
        this.settings = scope.settings(parallelTargets, scope.window().from(), timeouts);
        this.slots = new Semaphore(parallelTargets);
        // One SSH client for the probe's lifetime: starting one per device would cost a thread pool each.
        this.ssh = SshLogin.newClient();
        ssh.start();
        this.probe = new DeviceProbe(settings, RequirementMappings.loadBuiltIn(), rate, ssh, ProgressListener.SILENT, clock);
    }

    public SurveyScope scope() {
        return scope;
    }

    /**
     * Observes one address.
     *
     * @throws IllegalArgumentException when the scope does not cover the address or the window is closed:
     *                                  a refusal, before any packet
     * @throws java.util.concurrent.CancellationException when interrupted while waiting for a probe slot (the
     *                                  engine cancelling or pausing); nothing was sent to the address
     */
    public Observation observe(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (!scope.covers(address)) {
            throw new IllegalArgumentException("address " + Addresses.text(address) + " is outside scope " + scope.id());
        }
        requireWindowOpen();
        if (optOut.contains(address)) {
            return Observation.optedOut(scope, address, clock.instant(), worker);
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted before probing " + Addresses.text(address));
        }
        try {
            Target target = new Target(Addresses.text(address), address);
            // The port scan connects outside the Dialer, unpaced (ADR 0079: it paces sessions, not SYNs). A survey's
            // rate counts every connection attempt, so the scan's share is taken from the limiter up front.
            for (int i = 0; i < settings.ports().size(); i++) {
                rate.acquire();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("interrupted before probing " + Addresses.text(address));
            }
            // The wait for a slot and for the rate may have outlasted the window.
            requireWindowOpen();
            DeviceReport report = probe.probe(target);
            Dialer dialer = new Dialer(target, rate, settings.maxConnectionsPerTarget(), settings.timeout());
            List<Fingerprint> fingerprints = Fingerprints.of(report, dialer);
            return Observation.of(scope, report, fingerprints, worker);
        } finally {
            slots.release();
        }
    }

    private void requireWindowOpen() {
        Instant now = clock.instant();
        if (!scope.inWindow(now)) {
            throw new IllegalArgumentException("scope " + scope.id() + ": " + now + " is outside its window "
                    + scope.window().from() + " to " + scope.window().until());
        }
    }

    @Override
    public void close() {
        try {
            ssh.stop();
        } catch (RuntimeException ignored) {
            // Stopping after the last observation; the results are complete.
        }
    }
}
