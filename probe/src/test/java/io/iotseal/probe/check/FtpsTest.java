package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.SimulatedFtpDevice;
import io.iotseal.probe.sim.TestCertificates;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FTP over explicit TLS (RFC 4217, ADR 0079): a server that requires AUTH TLS is identified as ftps, its
 * TLS is assessed after AUTH TLS, its logins are tried over TLS (in cleartext every password would be
 * refused), and its credentials never cross in cleartext. The lab test runs the same against vsftpd.
 */
class FtpsTest {

    private static Finding only(List<Finding> findings, String checkId) {
        return findings.stream().filter(f -> f.checkId().equals(checkId)).findFirst().orElseThrow();
    }

    @Test
    void serverRequiringAuthTlsIsTestedOverTls() throws Exception {
        var identity = TestCertificates.caIssued();
        try (var ftps = new SimulatedFtpDevice("admin", "admin", false, "FTP server ready", identity.serverContext())) {
            int port = ftps.port();
            var settings = TestProbe.settings(List.of(port), "plaintext-management", "default-credentials",
                    "tls-protocol-versions", "tls-certificate");
            List<Finding> findings = TestProbe.probe(settings).findings();
            Finding plaintext = only(findings, "plaintext-management");
            assertThat(plaintext.service()).isEqualTo("ftps");
            assertThat(plaintext.verdict()).as(plaintext.summary() + " " + findings).isEqualTo(Verdict.PASS);
            Finding credentials = only(findings, "default-credentials");
            assertThat(credentials.verdict()).as(credentials.summary()).isEqualTo(Verdict.FAIL);
            assertThat(credentials.summary()).contains("admin:[REDACTED]");
            assertThat(only(findings, "tls-protocol-versions").verdict()).isEqualTo(Verdict.PASS);
            assertThat(only(findings, "tls-certificate").verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void plainFtpStaysCleartextAndHasNoTlsToAssess() throws Exception {
        try (var ftp = new SimulatedFtpDevice("admin", "s3cret-Pa55", false, "FTP server ready")) {
            var settings = TestProbe.settings(List.of(ftp.port()), "plaintext-management", "tls-certificate");
            List<Finding> findings = TestProbe.probe(settings).findings();
            assertThat(only(findings, "plaintext-management").verdict()).isEqualTo(Verdict.FAIL);
            assertThat(only(findings, "plaintext-management").service()).isEqualTo("ftp");
            assertThat(only(findings, "tls-certificate").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        }
    }
}
