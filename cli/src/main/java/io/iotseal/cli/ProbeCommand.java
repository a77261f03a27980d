package io.iotseal.cli;

import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.campaign.Campaign;
import io.iotseal.probe.campaign.Journal;
import io.iotseal.probe.credential.CredentialList;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.report.CampaignResult;
import io.iotseal.probe.report.Json;
import io.iotseal.probe.report.OscalResults;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.report.RequirementVerdicts;
import io.iotseal.probe.report.StderrProgress;
import io.iotseal.probe.report.TextReport;
import io.iotseal.probe.scan.PortScanner;
import io.iotseal.probe.target.TargetList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code iotseal probe}: network checks of devices under test. The logic lives in the probe module. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        subcommands = {ProbeWorkerCommand.class, ProbeCampaignCommand.class},
        description = {"Probes devices you are authorised to test: open ports, default credentials, anonymous access,",
                "cleartext logins, TLS, brute-force resistance, UPnP/SSDP, SNMP, CoAP, mDNS and version disclosure, with findings",
                "mapped to EN 303 645, JC-STAR, NISTIR 8425 and ISO/IEC 27402.",
                "Exit codes: 0 every device reached and no FAIL, 4 at least one FAIL, 5 no FAIL but at least one",
                "device not reached (no port answered: it gets no verdicts), 2 invalid input, 1 error.",
                "Surveys of many addresses run on NATS JetStream: `probe campaign` and `probe worker`."})
public final class ProbeCommand implements Callable<Integer> {
    static final int EXIT_FAIL_FOUND = 4;
    /** Runs of up to this many hosts are lab runs: every TCP port is scanned unless --ports says otherwise (ADR 0079). */
    static final int LAB_RUN_HOSTS = 16;
    /** A device answered on no port: nothing about it was observed (ADR 0076). Same code as label verify's. */
    static final int EXIT_NOT_REACHED = 5;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "IP address, host name or CIDR range.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--targets-file", paramLabel = "FILE", description = "One target per line ('#' comments).")
    Path targetsFile;

    @Option(names = "--authorized", paramLabel = "STATEMENT",
            description = {"Who authorised this probe and for what (recorded in every output). Needed for more than 16",
                    "hosts and for any address outside loopback, private, link-local and documentation ranges."})
    String authorized;

    @Option(names = "--ports", paramLabel = "LIST", description = {"TCP ports, e.g. 22,80,8000-8100, or 'all' (1-65535) or 'iot' "
            + "(27 common IoT ports).", "Default: all for a lab run of up to " + LAB_RUN_HOSTS + " hosts, iot for larger campaigns."})
    String ports;

    @Option(names = "--expected-ports", paramLabel = "LIST",
            description = "Ports the device documents; any other open port fails the open-services check.")
    String expectedPorts;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Extra credentials: YAML like the built-in list, or user:password lines. Repeatable.")
    List<Path> credentialFiles = new ArrayList<>();

    @Option(names = "--no-builtin-credentials", description = "Do not use IoTSeal's built-in credential list.")
    boolean noBuiltinCredentials;

    @Option(names = "--max-credentials", paramLabel = "N", description = "Try at most N pairs per service (default: all).")
    Integer maxCredentials;

    @Option(names = "--checks", paramLabel = "LIST", split = ",", description = "Only these checks (ids, comma-separated).")
    List<String> checks = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "3000", description = "Connect/read timeout in ms (default ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--banner-wait", paramLabel = "MS", defaultValue = "1500", description = "Wait for a service greeting in ms (default ${DEFAULT-VALUE}).")
    long bannerWaitMillis;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "8", description = "Simultaneous connections per device (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "100", description = "New connections per second over the whole run; 0 = unlimited (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--parallel-targets", paramLabel = "N", defaultValue = "16", description = "Devices probed at once (default ${DEFAULT-VALUE}).")
    int parallelTargets;

    @Option(names = "--brute-force-attempts", paramLabel = "N", defaultValue = "10", description = "Wrong logins per service in the brute-force check (default ${DEFAULT-VALUE}).")
    int bruteForceAttempts;

    @Option(names = "--lockout-wait", paramLabel = "MS", defaultValue = "30000", description = "Pause before one retry when a device refuses logins (default ${DEFAULT-VALUE}).")
    long lockoutWaitMillis;

    @Option(names = "--ssdp-port", paramLabel = "PORT", defaultValue = "1900", description = "UDP port for the unicast SSDP probe (default ${DEFAULT-VALUE}).")
    int ssdpPort;

    @Option(names = "--http-path", paramLabel = "PATH", defaultValue = "/", description = "Page used for HTTP authentication (default ${DEFAULT-VALUE}).")
    String httpPath;

    @Option(names = "--rtsp-path", paramLabel = "PATH", split = ",", description = "RTSP stream path asked with DESCRIBE for a login, e.g. the one the camera's manual gives; repeatable (default /).")
    List<String> rtspPaths = new ArrayList<>();

    @Option(names = "--journal", paramLabel = "FILE", description = "Campaign state file; a run with the same file resumes where it stopped.")
    Path journal;

    @Option(names = "--json", description = "Print the results as JSON on standard output instead of the report.")
    boolean json;

    @Option(names = "--oscal", paramLabel = "FILE", description = "Also write OSCAL 1.1.3 assessment-results JSON to FILE.")
    Path oscal;

    @Option(names = "--assessment-plan", paramLabel = "HREF", description = "URI of the OSCAL assessment plan the results belong to.")
    String assessmentPlan = OscalResults.NO_PLAN;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Also write per-requirement verdicts (iotseal-results/1) for `iotseal coverage`; one device only.")
    Path results;

    @Option(names = "--results-catalog", paramLabel = "ID", defaultValue = "etsi-en-303-645",
            description = "Catalog of the --results verdicts (default ${DEFAULT-VALUE}).")
    String resultsCatalog;

    @Option(names = "--override", paramLabel = "FILE",
            description = "Assessor overrides (YAML: check, target, port, verdict, justification, assessor); each report keeps the probe's verdict next to the assessor's.")
    Path override;

    @Option(names = "--brute-force-known-accounts",
            description = "Also send wrong passwords to an account the default-credential check just logged into (off: that check is N/A).")
    boolean bruteForceKnownAccounts;

    @Option(names = "--snmpv3-user", paramLabel = "NAME:AUTH:PASS[:PRIV:PASS]",
            description = {"An SNMPv3 account from the device's interface description, so the snmpv3-security check can",
                    "observe its protocols (AUTH: MD5, SHA, SHA-224..SHA-512; PRIV: DES, AES, AES-192, AES-256).",
                    "Passwords are never printed. Repeatable."})
    List<String> snmpv3Users = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress display on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        TargetList targetList;
        ProbeSettings settings;
        io.iotseal.probe.report.Overrides overrides = null;
        try {
            if (override != null) {
                overrides = io.iotseal.probe.report.Overrides.load(override);
            }
            targetList = TargetList.of(targets, targetsFile, authorized);
            if (results != null && targetList.hostCount() != 1) {
                throw new IllegalArgumentException("results: verdicts are per product, so --results needs exactly one "
                        + "target host; " + targetList.hostCount() + " were named");
            }
            settings = settings(targetList.hostCount());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ProgressListener progress = quiet ? ProgressListener.SILENT
                : new StderrProgress(System.err, System.console() != null, targetList.hostCount());
        Campaign campaign = new Campaign(settings, progress, Clock.systemUTC(), Optional.ofNullable(journal).map(Journal::new));
        CampaignResult result;
        try {
            result = campaign.run(targetList);
            if (overrides != null) {
                result = overrides.apply(result);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } else {
            out.print(TextReport.render(result));
        }
        out.flush();
        if (results != null && !writeRequirementVerdicts(result)) {
            return EXIT_NOT_REACHED;
        }
        if (oscal != null) {
            Files.writeString(oscal, new OscalResults().json(result, assessmentPlan));
            if (!quiet) {
                System.err.println("OSCAL assessment results written to " + oscal);
            }
        }
        return exitCode(result);
    }

    /** A FAIL is what a lab acts on, so it wins; a device not reached makes the run incomplete. */
    static int exitCode(CampaignResult result) {
        if (result.count(Verdict.FAIL) > 0) {
            return EXIT_FAIL_FOUND;
        }
        return result.notReached() > 0 ? EXIT_NOT_REACHED : 0;
    }

    /** Writes the per-requirement verdicts; false (and no file) when the device was not reached. */
    private boolean writeRequirementVerdicts(CampaignResult result) throws IOException {
        if (result.devices().size() != 1) {
            throw new ParameterException(spec.commandLine(), "results: verdicts are per product, so --results needs "
                    + "exactly one device; this run has " + result.devices().size());
        }
        var device = result.devices().getFirst();
        if (!device.reached()) {
            System.err.println("results: " + device.target() + " was not reached (" + device.reachability().detail()
                    + "); nothing written to " + results);
            return false;
        }
        try {
            var document = new RequirementVerdicts().document(result.devices().getFirst(), resultsCatalog);
            Files.writeString(results, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return true;
    }

    private ProbeSettings settings(long hosts) {
        CredentialList credentials = noBuiltinCredentials ? CredentialList.of(List.of()) : CredentialList.builtIn();
        for (Path file : credentialFiles) {
            credentials = credentials.plus(CredentialList.load(file));
        }
        if (maxCredentials != null) {
            if (maxCredentials < 0) {
                throw new IllegalArgumentException("max-credentials: must not be negative, was " + maxCredentials);
            }
            credentials = credentials.limit(maxCredentials);
        }
        if (lockoutWaitMillis < 0) {
            throw new IllegalArgumentException("lockout-wait: must not be negative, was " + lockoutWaitMillis);
        }
        List<Integer> portList = portList(hosts);
        Optional<Set<Integer>> expected = expectedPorts == null ? Optional.empty()
                : Optional.of(new LinkedHashSet<>(PortList.parse("expected-ports", expectedPorts)));
        return new ProbeSettings(portList, expected, millis("timeout", timeoutMillis), millis("banner-wait", bannerWaitMillis),
                maxConnections, rate, parallelTargets, credentials, bruteForceAttempts,
                Duration.ofMillis(lockoutWaitMillis), ssdpPort, httpPath, new LinkedHashSet<>(checks), bruteForceKnownAccounts,
                snmpv3Accounts(), rtspPaths);
    }

    /** The --snmpv3-user accounts, checked against snmpv3.yaml's protocol names (ADR 0088). */
    private List<io.iotseal.probe.snmp.Snmpv3Account> snmpv3Accounts() {
        if (snmpv3Users.isEmpty()) {
            return List.of();
        }
        var policy = io.iotseal.probe.snmp.Snmpv3Policy.builtIn();
        return snmpv3Users.stream().map(u -> io.iotseal.probe.snmp.Snmpv3Account.parse(u, policy)).toList();
    }

    /** The ports to scan: --ports as given ('all', 'iot' or a list), else all for a lab run and iot beyond. */
    private List<Integer> portList(long hosts) {
        String chosen = ports != null ? ports.strip() : hosts <= LAB_RUN_HOSTS ? "all" : "iot";
        return switch (chosen) {
            case "all" -> PortScanner.ALL_PORTS;
            case "iot" -> PortScanner.IOT_PORTS;
            default -> PortList.parse("ports", chosen);
        };
    }

    private static Duration millis(String option, long value) {
        if (value <= 0 || value > 600_000) {
            throw new IllegalArgumentException(option + ": must be between 1 and 600000 ms, was " + value);
        }
        return Duration.ofMillis(value);
    }
}
