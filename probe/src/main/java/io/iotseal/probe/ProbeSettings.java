package io.iotseal.probe;

import io.iotseal.probe.credential.CredentialList;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that shapes a probe run. Validated here, once, with messages that name the bad option.
 *
 * @param ports                  TCP ports to inventory
 * @param expectedPorts          the ports the device documents (IXIT); when given, any other open port fails
 * @param timeout                connect and read timeout for every network operation
 * @param bannerWait             how long to wait for a server greeting when identifying a service
 * @param maxConnectionsPerTarget simultaneous connections to one device
 * @param connectionsPerSecond   global limit on new connections per second (0 = unlimited)
 * @param parallelTargets        devices probed at the same time
 * @param credentials            credentials to try, in order
 * @param bruteForceAttempts     deliberately wrong logins per service in the brute-force check
 * @param lockoutWait            pause before retrying once when a device starts refusing logins
 * @param ssdpPort               UDP port for the unicast SSDP probe (1900 on real devices)
 * @param httpPath               page requested for HTTP authentication
 * @param checks                 ids of the checks to run (empty = all)
 * @param bruteForceKnownAccounts send wrong passwords also to an account the default-credential check just
 *                               logged into (off by default: ADR 0076)
 * @param snmpv3Accounts         SNMPv3 accounts from the device's interface description, so the snmpv3-security
 *                               check can observe the USM protocols the agent uses (ADR 0088); may be empty
 * @param rtspPaths              stream paths asked with RTSP DESCRIBE for a login, in order (ADR 0089);
 *                               cameras only ask for credentials for a stream they have
 */
public record ProbeSettings(List<Integer> ports, Optional<Set<Integer>> expectedPorts, Duration timeout,
                            Duration bannerWait, int maxConnectionsPerTarget, double connectionsPerSecond,
                            int parallelTargets, CredentialList credentials, int bruteForceAttempts,
                            Duration lockoutWait, int ssdpPort, String httpPath, Set<String> checks,
                            boolean bruteForceKnownAccounts,
                            List<io.iotseal.probe.snmp.Snmpv3Account> snmpv3Accounts, List<String> rtspPaths) {
    /** RTSP's own default: the server's root, which many cameras answer for their main stream. */
    public static final List<String> DEFAULT_RTSP_PATHS = List.of("/");

    /** Settings without RTSP stream paths (ADR 0089): DESCRIBE of the root only. */
    public ProbeSettings(List<Integer> ports, Optional<Set<Integer>> expectedPorts, Duration timeout,
                         Duration bannerWait, int maxConnectionsPerTarget, double connectionsPerSecond,
                         int parallelTargets, CredentialList credentials, int bruteForceAttempts,
                         Duration lockoutWait, int ssdpPort, String httpPath, Set<String> checks,
                         boolean bruteForceKnownAccounts, List<io.iotseal.probe.snmp.Snmpv3Account> snmpv3Accounts) {
        this(ports, expectedPorts, timeout, bannerWait, maxConnectionsPerTarget, connectionsPerSecond, parallelTargets,
                credentials, bruteForceAttempts, lockoutWait, ssdpPort, httpPath, checks, bruteForceKnownAccounts,
                snmpv3Accounts, DEFAULT_RTSP_PATHS);
    }

    /** Settings without SNMPv3 accounts (ADR 0088) and RTSP paths (ADR 0089). */
    public ProbeSettings(List<Integer> ports, Optional<Set<Integer>> expectedPorts, Duration timeout,
                         Duration bannerWait, int maxConnectionsPerTarget, double connectionsPerSecond,
                         int parallelTargets, CredentialList credentials, int bruteForceAttempts,
                         Duration lockoutWait, int ssdpPort, String httpPath, Set<String> checks,
                         boolean bruteForceKnownAccounts) {
        this(ports, expectedPorts, timeout, bannerWait, maxConnectionsPerTarget, connectionsPerSecond, parallelTargets,
                credentials, bruteForceAttempts, lockoutWait, ssdpPort, httpPath, checks, bruteForceKnownAccounts,
                List.of(), DEFAULT_RTSP_PATHS);
    }

    /** Settings with the defaults of options added later (no brute force on working accounts). */
    public ProbeSettings(List<Integer> ports, Optional<Set<Integer>> expectedPorts, Duration timeout,
                         Duration bannerWait, int maxConnectionsPerTarget, double connectionsPerSecond,
                         int parallelTargets, CredentialList credentials, int bruteForceAttempts,
                         Duration lockoutWait, int ssdpPort, String httpPath, Set<String> checks) {
        this(ports, expectedPorts, timeout, bannerWait, maxConnectionsPerTarget, connectionsPerSecond, parallelTargets,
                credentials, bruteForceAttempts, lockoutWait, ssdpPort, httpPath, checks, false);
    }

    public ProbeSettings {
        Objects.requireNonNull(credentials, "credentials");
        ports = List.copyOf(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("ports: name at least one port");
        }
        for (int p : ports) {
            requirePort("ports", p);
        }
        expectedPorts = expectedPorts.map(Set::copyOf);
        expectedPorts.ifPresent(s -> s.forEach(p -> requirePort("expected-ports", p)));
        requirePositive("timeout", timeout);
        requirePositive("banner-wait", bannerWait);
        if (maxConnectionsPerTarget < 1 || maxConnectionsPerTarget > 256) {
            throw new IllegalArgumentException("max-connections: must be between 1 and 256, was " + maxConnectionsPerTarget);
        }
        if (connectionsPerSecond < 0) {
            throw new IllegalArgumentException("rate: must be 0 (unlimited) or positive, was " + connectionsPerSecond);
        }
        if (parallelTargets < 1 || parallelTargets > 4096) {
            throw new IllegalArgumentException("parallel-targets: must be between 1 and 4096, was " + parallelTargets);
        }
        if (bruteForceAttempts < 3 || bruteForceAttempts > 100) {
            throw new IllegalArgumentException("brute-force-attempts: must be between 3 and 100, was " + bruteForceAttempts);
        }
        Objects.requireNonNull(lockoutWait, "lockoutWait");
        requirePort("ssdp-port", ssdpPort);
        if (httpPath == null || !httpPath.startsWith("/") || httpPath.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("http-path: must start with '/' and contain no spaces, was '" + httpPath + "'");
        }
        checks = Set.copyOf(checks);
        snmpv3Accounts = snmpv3Accounts == null ? List.of() : List.copyOf(snmpv3Accounts);
        rtspPaths = rtspPaths == null || rtspPaths.isEmpty() ? DEFAULT_RTSP_PATHS : List.copyOf(rtspPaths);
        for (String p : rtspPaths) {
            if (!p.startsWith("/") || p.chars().anyMatch(c -> c <= ' ' || c == 127)) {
                throw new IllegalArgumentException("rtsp-path: must start with '/' and contain no spaces, was '" + p + "'");
            }
        }
    }

    private static void requirePort(String option, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + ": port " + port + " is outside 1-65535");
        }
    }

    private static void requirePositive(String option, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(option + ": must be a positive duration");
        }
    }

    /** The settings as option name to value, for the run facts of every report (ADR 0077). */
    public java.util.Map<String, String> describe() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("ports", ports.size() <= 40 ? ports.toString() : ports.size() + " ports from " + ports.getFirst()
                + " to " + ports.getLast());
        m.put("expected-ports", expectedPorts.map(p -> new java.util.TreeSet<>(p).toString()).orElse("(not given)"));
        m.put("timeout", timeout.toMillis() + " ms");
        m.put("banner-wait", bannerWait.toMillis() + " ms");
        m.put("max-connections", String.valueOf(maxConnectionsPerTarget));
        m.put("rate", connectionsPerSecond == 0 ? "unlimited" : connectionsPerSecond + "/s");
        m.put("parallel-targets", String.valueOf(parallelTargets));
        m.put("credentials", credentials.size() + " pairs");
        m.put("brute-force-attempts", String.valueOf(bruteForceAttempts));
        m.put("brute-force-known-accounts", String.valueOf(bruteForceKnownAccounts));
        m.put("lockout-wait", lockoutWait.toMillis() + " ms");
        m.put("ssdp-port", String.valueOf(ssdpPort));
        m.put("http-path", httpPath);
        m.put("snmpv3-users", snmpv3Accounts.isEmpty() ? "(none)" : snmpv3Accounts.toString());
        m.put("rtsp-paths", rtspPaths.toString());
        m.put("checks", checks.isEmpty() ? "all" : new java.util.TreeSet<>(checks).toString());
        return m;
    }

    public boolean runs(String checkId) {
        return checks.isEmpty() || checks.contains(checkId);
    }
}
