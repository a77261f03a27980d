package io.iotseal.probe.campaign;

import io.iotseal.probe.DeviceProbe;
import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.credential.SshLogin;
import io.iotseal.probe.mapping.RequirementMappings;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.report.CampaignResult;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.target.Target;
import io.iotseal.probe.target.TargetList;
import org.apache.sshd.client.SshClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Probes every target of a run, many at once on virtual threads. At most {@code parallelTargets} devices
 * are in flight, and targets are drawn lazily from the list, so memory stays bounded however large the
 * (authorised) range. With a journal, finished devices are recorded as they finish and skipped on resume.
 */
public final class Campaign {
    private final ProbeSettings settings;
    private final ProgressListener progress;
    private final Clock clock;
    private final Optional<Journal> journal;

    public Campaign(ProbeSettings settings, ProgressListener progress, Clock clock, Optional<Journal> journal) {
        this.settings = settings;
        this.progress = progress;
        this.clock = clock;
        this.journal = journal;
    }

    public CampaignResult run(TargetList targets) {
        Instant started = clock.instant();
        RequirementMappings mappings = RequirementMappings.loadBuiltIn();
        List<DeviceReport> earlier = journal.map(Journal::load).orElse(List.of());
        Set<String> done = earlier.stream().map(DeviceReport::key).collect(Collectors.toSet());
        List<DeviceReport> reports = Collections.synchronizedList(new ArrayList<>(earlier));
        SshClient ssh = SshLogin.newClient();
        ssh.start();
        try {
            DeviceProbe probe = new DeviceProbe(settings, mappings, new RateLimiter(settings.connectionsPerSecond()),
                    ssh, progress, clock);
            Semaphore inFlight = new Semaphore(settings.parallelTargets());
            // A device whose probe crashed must not vanish from the results with exit code 0: the run fails.
            List<RuntimeException> crashed = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Target target : targets) {
                    if (done.contains(DeviceReport.key(target.name(), target.host()))) {
                        continue;
                    }
                    inFlight.acquireUninterruptibly();
                    pool.submit(() -> {
                        try {
                            DeviceReport report = probe.probe(target);
                            journal.ifPresent(j -> j.append(report));
                            reports.add(report);
                        } catch (RuntimeException | Error e) {
                            crashed.add(new IllegalStateException("the probe of " + target.name() + " failed: " + e, e));
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            if (!crashed.isEmpty()) {
                throw crashed.getFirst();
            }
        } finally {
            try {
                ssh.stop();
            } catch (RuntimeException ignored) {
                // Stopping the client after the run; the results are complete.
            }
        }
        List<DeviceReport> ordered = new ArrayList<>(reports);
        ordered.sort(java.util.Comparator.comparing(DeviceReport::started));
        var facts = new io.iotseal.probe.report.RunFacts(io.iotseal.probe.report.RunFacts.TOOL,
                io.iotseal.probe.report.RunFacts.probeVersion(), targets.authorization().orElse(""), settings.describe(),
                settings.credentials().origins(), "");
        return new CampaignResult(started, clock.instant(), mappings.version(), ordered, earlier.size(), facts);
    }
}
