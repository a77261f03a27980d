package io.iotseal.probe.check;

import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.TestProbe;
import io.iotseal.probe.credential.CredentialList;
import io.iotseal.probe.mapping.RequirementMappings;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.scan.PortInventory;
import io.iotseal.probe.snmp.Snmpv3Account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A device context on 127.0.0.1 for the UDP checks of ADR 0088, with a short timeout. */
final class UdpChecks {
    private UdpChecks() {
    }

    static DeviceContext device(long timeoutMillis, List<Snmpv3Account> accounts) {
        ProbeSettings settings = new ProbeSettings(List.of(1), Optional.empty(), Duration.ofMillis(timeoutMillis),
                Duration.ofMillis(300), 8, 0, 4, CredentialList.builtIn(), 5, Duration.ofMillis(300),
                TestProbe.unusedUdpPort(), "/", Set.of(), false, accounts);
        var dialer = new Dialer(TestProbe.LOOPBACK, new RateLimiter(0), 4, settings.timeout());
        return new DeviceContext(TestProbe.LOOPBACK, dialer, new PortInventory(List.of(), 1, 0), List.of(), settings,
                RequirementMappings.loadBuiltIn(), null, ProgressListener.SILENT);
    }

    static DeviceContext device(long timeoutMillis) {
        return device(timeoutMillis, List.of());
    }
}
