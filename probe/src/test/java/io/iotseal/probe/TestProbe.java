package io.iotseal.probe;

import io.iotseal.probe.credential.CredentialList;
import io.iotseal.probe.credential.SshLogin;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.mapping.RequirementMappings;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.target.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs the probe against simulated devices on 127.0.0.1 with short, test-sized timeouts. */
public final class TestProbe {
    public static final Target LOOPBACK = new Target("127.0.0.1", InetAddress.getLoopbackAddress());

    private TestProbe() {
    }

    /** Settings for the given ports running only {@code checks} (all when none are named). */
    public static ProbeSettings settings(List<Integer> ports, String... checks) {
        return new ProbeSettings(ports, Optional.empty(), Duration.ofMillis(1500), Duration.ofMillis(400), 8, 0, 4,
                CredentialList.builtIn(), 5, Duration.ofMillis(300), unusedUdpPort(), "/", Set.of(checks));
    }

    public static DeviceReport probe(ProbeSettings settings) {
        return probe(settings, LOOPBACK);
    }

    public static DeviceReport probe(ProbeSettings settings, Target target) {
        var ssh = SshLogin.newClient();
        ssh.start();
        try {
            return new DeviceProbe(settings, RequirementMappings.loadBuiltIn(), new RateLimiter(0), ssh,
                    ProgressListener.SILENT, Clock.systemUTC()).probe(target);
        } finally {
            ssh.stop();
        }
    }

    /** The findings of one check when the probe runs only that check on these ports. */
    public static List<Finding> run(String checkId, int... ports) {
        return probe(settings(java.util.Arrays.stream(ports).boxed().toList(), checkId)).findings();
    }

    /** A UDP port nothing listens on (bound once, then released). */
    public static int unusedUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
