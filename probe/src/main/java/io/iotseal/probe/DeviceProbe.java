package io.iotseal.probe;

import io.iotseal.probe.check.AnonymousAccessCheck;
import io.iotseal.probe.check.BruteForceCheck;
import io.iotseal.probe.check.Check;
import io.iotseal.probe.check.CoapExposureCheck;
import io.iotseal.probe.check.DefaultCredentialCheck;
import io.iotseal.probe.check.DeviceContext;
import io.iotseal.probe.check.InformationDisclosureCheck;
import io.iotseal.probe.check.MdnsExposureCheck;
import io.iotseal.probe.check.OpenServicesCheck;
import io.iotseal.probe.check.PlaintextManagementCheck;
import io.iotseal.probe.check.SnmpCommunityCheck;
import io.iotseal.probe.check.Snmpv3SecurityCheck;
import io.iotseal.probe.check.SshAlgorithmsCheck;
import io.iotseal.probe.check.SsdpExposureCheck;
import io.iotseal.probe.check.TlsCertificateCheck;
import io.iotseal.probe.check.TlsProtocolCheck;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.mapping.RequirementMappings;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.report.Reachability;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.scan.PortInventory;
import io.iotseal.probe.scan.PortScanner;
import io.iotseal.probe.scan.Service;
import io.iotseal.probe.scan.ServiceIdentifier;
import io.iotseal.probe.target.Target;
import org.apache.sshd.client.SshClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Probes one device: port inventory, service identification, then every check in turn. Checks run one
 * after another on a device (embedded devices are easily overwhelmed); many devices run in parallel in a
 * {@link io.iotseal.probe.campaign.Campaign}.
 */
public final class DeviceProbe {
    private final ProbeSettings settings;
    private final RequirementMappings mappings;
    private final RateLimiter rate;
    private final SshClient sshClient;
    private final ProgressListener progress;
    private final Clock clock;
    private final List<Check> checks;

    public DeviceProbe(ProbeSettings settings, RequirementMappings mappings, RateLimiter rate, SshClient sshClient,
                       ProgressListener progress, Clock clock) {
        this.settings = settings;
        this.mappings = mappings;
        this.rate = rate;
        this.sshClient = sshClient;
        this.progress = progress;
        this.clock = clock;
        this.checks = allChecks(clock).stream().filter(c -> settings.runs(c.id())).toList();
        List<String> known = allChecks(clock).stream().map(Check::id).toList();
        for (String wanted : settings.checks()) {
            if (!known.contains(wanted)) {
                throw new IllegalArgumentException("checks: unknown check '" + wanted + "'; known: " + String.join(", ", known));
            }
        }
    }

    /** Every check, in the order they run: cheap and passive first, login attempts last. */
    public static List<Check> allChecks(Clock clock) {
        // The UDP checks go before open-services, which lists the UDP services they heard from (ADR 0079).
        // SNMPv3, CoAP and mDNS joined them in ADR 0088.
        return List.of(new SsdpExposureCheck(), new SnmpCommunityCheck(), new Snmpv3SecurityCheck(),
                new CoapExposureCheck(), new MdnsExposureCheck(), new OpenServicesCheck(),
                new InformationDisclosureCheck(), new AnonymousAccessCheck(), new PlaintextManagementCheck(),
                new TlsProtocolCheck(), new TlsCertificateCheck(clock), new SshAlgorithmsCheck(),
                new DefaultCredentialCheck(), new BruteForceCheck());
    }

    public DeviceReport probe(Target target) {
        Instant started = clock.instant();
        progress.targetStarted(target);
        Dialer dialer = new Dialer(target, rate, settings.maxConnectionsPerTarget(), settings.timeout());
        progress.step(target, "port inventory (" + settings.ports().size() + " ports)");
        PortInventory inventory = PortScanner.inventory(dialer, settings.ports());
        if (!inventory.reached()) {
            // Silence on every port is no evidence of anything: no checks, no verdicts (ADR 0076).
            DeviceReport report = new DeviceReport(target.name(), target.host(), started, clock.instant(), List.of(),
                    List.of(), new Reachability(false, "no scanned TCP port answered (" + inventory.summary()
                    + " within " + settings.timeout().toMillis() + " ms): filtered, dropped or absent"));
            progress.targetFinished(target, 0, 0);
            return report;
        }
        List<Integer> open = inventory.open();
        progress.step(target, "identifying " + open.size() + " open ports");
        List<Service> services = identify(dialer, open);
        DeviceContext context = new DeviceContext(target, dialer, inventory, services, settings, mappings, sshClient, progress);
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            progress.step(target, check.id());
            try {
                findings.addAll(check.run(context));
            } catch (RuntimeException e) {
                // One broken check must not lose the others' results; it is reported, not hidden.
                findings.add(context.finding(check.id(), null, Verdict.INCONCLUSIVE,
                        "check failed: " + e, List.of()));
            }
        }
        DeviceReport report = new DeviceReport(target.name(), target.host(), started, clock.instant(),
                services.stream().map(s -> new DeviceReport.OpenService(s.port(), s.name(), s.banner())).toList(),
                findings, new Reachability(true, inventory.summary()));
        progress.targetFinished(target, report.count(Verdict.FAIL), findings.size());
        return report;
    }

    private List<Service> identify(Dialer dialer, List<Integer> open) {
        long bannerWait = settings.bannerWait().toMillis();
        List<Future<Service>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int port : open) {
                futures.add(pool.submit(() -> ServiceIdentifier.identify(dialer, port, bannerWait)));
            }
        }
        return futures.stream().map(Future::resultNow).collect(Collectors.toList());
    }
}
