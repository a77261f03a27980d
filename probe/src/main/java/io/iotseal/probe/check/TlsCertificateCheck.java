package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.Connection;
import io.iotseal.probe.scan.Service;
import io.iotseal.probe.tls.CertificateAssessment;
import io.iotseal.probe.tls.TlsSockets;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/** The certificate each TLS service presents: expired, not yet valid, self-signed, weak key or signature. */
public final class TlsCertificateCheck extends PerServiceCheck {
    public static final String ID = "tls-certificate";
    private final Clock clock;

    public TlsCertificateCheck(Clock clock) {
        super(ID, "no TLS service found");
        this.clock = clock;
    }

    @Override
    List<Finding> findings(DeviceContext device) {
        return device.services().stream().filter(Service::tls).map(s -> assess(device, s)).toList();
    }

    private Finding assess(DeviceContext device, Service s) {
        X509Certificate leaf;
        try (Connection c = device.dialer().connect(s.port())) {
            var tls = TlsHandshakes.handshake(device, c, s, TlsSockets.ALL_PROTOCOLS);
            var chain = tls.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate x509)) {
                return device.finding(ID, s, Verdict.INCONCLUSIVE, s.name() + " presented no X.509 certificate", List.of());
            }
            leaf = x509;
        } catch (IOException e) {
            return device.finding(ID, s, Verdict.INCONCLUSIVE, s.name() + ": TLS handshake failed (" + e.getMessage() + ")", List.of());
        }
        CertificateAssessment a = CertificateAssessment.of(leaf, clock.instant());
        List<Exchange> evidence = List.of(new Exchange(s.name(), "TLS handshake", "certificate: " + a.facts()));
        if (a.problems().isEmpty()) {
            return device.finding(ID, s, Verdict.PASS, s.name() + " certificate is valid, CA-issued and uses a strong key", evidence);
        }
        return device.finding(ID, s, Verdict.FAIL, s.name() + " certificate: " + String.join("; ", a.problems()), evidence);
    }
}
