package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.Connection;
import io.iotseal.probe.scan.Service;
import io.iotseal.probe.tls.TlsSockets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which TLS protocol versions each TLS service accepts, one handshake per version. SSL 3.0, TLS 1.0 and
 * TLS 1.1 are deprecated (RFC 7568, RFC 8996), so accepting any of them fails.
 */
public final class TlsProtocolCheck extends PerServiceCheck {
    public static final String ID = "tls-protocol-versions";
    static final Set<String> DEPRECATED = Set.of("SSLv3", "TLSv1", "TLSv1.1");

    public TlsProtocolCheck() {
        super(ID, "no TLS service found");
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        return device.services().stream().filter(Service::tls).map(s -> probeVersions(device, s)).toList();
    }

    private Finding probeVersions(DeviceContext device, Service s) {
        device.progress(s.name() + ":" + s.port() + " TLS versions");
        List<String> accepted = new ArrayList<>();
        List<Exchange> evidence = new ArrayList<>();
        for (String protocol : TlsSockets.ALL_PROTOCOLS) {
            try (Connection c = device.dialer().connect(s.port())) {
                var tls = TlsHandshakes.handshake(device, c, s, protocol);
                accepted.add(protocol);
                evidence.add(new Exchange(s.name(), "ClientHello offering only " + protocol,
                        "accepted: " + tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite()));
            } catch (IOException e) {
                evidence.add(new Exchange(s.name(), "ClientHello offering only " + protocol, "refused: " + e.getMessage()));
            }
        }
        List<String> weak = accepted.stream().filter(DEPRECATED::contains).toList();
        if (accepted.isEmpty()) {
            return device.finding(ID, s, Verdict.INCONCLUSIVE, s.name() + ": no protocol version could be negotiated", evidence);
        }
        if (!weak.isEmpty()) {
            return device.finding(ID, s, Verdict.FAIL, s.name() + " accepts deprecated " + String.join(", ", weak), evidence);
        }
        return device.finding(ID, s, Verdict.PASS, s.name() + " accepts only " + String.join(", ", accepted), evidence);
    }
}
