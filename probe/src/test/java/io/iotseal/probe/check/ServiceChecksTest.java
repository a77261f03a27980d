package io.iotseal.probe.check;

import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.Mosquitto;
import io.iotseal.probe.sim.SimulatedFtpDevice;
import io.iotseal.probe.sim.SimulatedHttpDevice;
import io.iotseal.probe.sim.SimulatedHttpDevice.Scheme;
import io.iotseal.probe.sim.SimulatedSshDevice;
import io.iotseal.probe.sim.SimulatedSsdpDevice;
import io.iotseal.probe.sim.SimulatedTelnetDevice;
import io.iotseal.probe.sim.TestCertificates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.iotseal.probe.check.DefaultCredentialCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

/** One failing and one passing simulated device for each check other than the credential list. */
class ServiceChecksTest {
    private static final String UNIQUE = "q7T-vX2m-Lp9k-Rw4z";

    @Test
    void anonymousMqttFailsAndPasswordOnlyBrokerPasses() throws Exception {
        Mosquitto.requireForTest();
        try (var open = new Mosquitto(null, null); var locked = new Mosquitto("sensor", UNIQUE)) {
            Finding fail = only(TestProbe.run(AnonymousAccessCheck.ID, open.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.evidence()).anySatisfy(e -> assertThat(e.received()).contains("CONNACK return code 0"));
            Finding pass = only(TestProbe.run(AnonymousAccessCheck.ID, locked.port()));
            assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
            assertThat(pass.summary()).contains("CONNACK 5");
        }
    }

    @Test
    void anonymousFtpAndLoginFreeTelnetFail() throws Exception {
        try (var anonFtp = new SimulatedFtpDevice("admin", UNIQUE, true, "ready");
             var closedFtp = new SimulatedFtpDevice("admin", UNIQUE, false, "ready");
             var shell = new SimulatedTelnetDevice("root", UNIQUE, false);
             var login = new SimulatedTelnetDevice("root", UNIQUE, true)) {
            assertThat(only(TestProbe.run(AnonymousAccessCheck.ID, anonFtp.port())).verdict()).isEqualTo(Verdict.FAIL);
            assertThat(only(TestProbe.run(AnonymousAccessCheck.ID, closedFtp.port())).verdict()).isEqualTo(Verdict.PASS);
            assertThat(only(TestProbe.run(AnonymousAccessCheck.ID, shell.port())).summary()).contains("without any login");
            assertThat(only(TestProbe.run(AnonymousAccessCheck.ID, shell.port())).verdict()).isEqualTo(Verdict.FAIL);
            assertThat(only(TestProbe.run(AnonymousAccessCheck.ID, login.port())).verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void loginFreeTelnetShellHasNoCredentialVerdictsButIsCleartext() throws Exception {
        // Issue 15 / root-shell-9527: a shell with no login prompt asks for no password, so neither credential
        // check applies (the missing login is anonymous-access's FAIL); the shell itself still crosses in clear.
        try (var shell = new SimulatedTelnetDevice("root", UNIQUE, false)) {
            Finding defaults = only(TestProbe.run(DefaultCredentialCheck.ID, shell.port()));
            assertThat(defaults.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(defaults.summary()).contains("without any login prompt");
            Finding guesses = only(TestProbe.run(BruteForceCheck.ID, shell.port()));
            assertThat(guesses.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(guesses.summary()).contains("nothing to guess");
            assertThat(only(TestProbe.run(PlaintextManagementCheck.ID, shell.port())).verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void telnetLoginIsCleartextAndSshIsNot() throws Exception {
        try (var telnet = new SimulatedTelnetDevice("root", UNIQUE, true);
             var ssh = new SimulatedSshDevice("root", UNIQUE, null, Lockout.NONE)) {
            Finding fail = only(TestProbe.run(PlaintextManagementCheck.ID, telnet.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.service()).isEqualTo("telnet");
            Finding pass = only(TestProbe.run(PlaintextManagementCheck.ID, ssh.port()));
            assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void httpBasicIsCleartextAndHttpsDigestIsNot() throws Exception {
        var identity = TestCertificates.caIssued();
        try (var http = new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, null, Lockout.NONE, null);
             var https = new SimulatedHttpDevice(Scheme.DIGEST_SHA256, "admin", UNIQUE, null, Lockout.NONE,
                     identity.serverContext())) {
            assertThat(only(TestProbe.run(PlaintextManagementCheck.ID, http.port())).verdict()).isEqualTo(Verdict.FAIL);
            Finding pass = only(TestProbe.run(PlaintextManagementCheck.ID, https.port()));
            assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
            assertThat(pass.service()).isEqualTo("https");
        }
    }

    @Test
    void legacyTlsVersionFailsAndModernOnlyPasses() throws Exception {
        var identity = TestCertificates.caIssued();
        try (var legacy = new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, null, Lockout.NONE,
                identity.serverContext(), "TLSv1.2", "TLSv1.1", "TLSv1");
             var modern = new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, null, Lockout.NONE,
                     identity.serverContext(), "TLSv1.3", "TLSv1.2")) {
            Finding fail = only(TestProbe.run(TlsProtocolCheck.ID, legacy.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.summary()).contains("TLSv1.1").contains("TLSv1");
            Finding pass = only(TestProbe.run(TlsProtocolCheck.ID, modern.port()));
            assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
            assertThat(pass.summary()).contains("TLSv1.3, TLSv1.2");
        }
    }

    @Test
    void expiredSelfSignedAndWeakKeyCertificatesFailAndCaIssuedPasses() throws Exception {
        var now = java.time.Instant.now();
        var selfSigned = TestCertificates.selfSigned(TestCertificates.ec(), now.minusSeconds(86400), now.plusSeconds(86400 * 30));
        try (var expired = https(TestCertificates.expiredCaIssued());
             var self = https(selfSigned);
             var weak = https(TestCertificates.weakKeyCaIssued());
             var good = https(TestCertificates.caIssued())) {
            assertThat(only(TestProbe.run(TlsCertificateCheck.ID, expired.port())).summary()).contains("expired");
            assertThat(only(TestProbe.run(TlsCertificateCheck.ID, self.port())).summary()).contains("self-signed")
                    .doesNotContain("expired");
            Finding weakKey = only(TestProbe.run(TlsCertificateCheck.ID, weak.port()));
            assertThat(weakKey.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(weakKey.summary()).contains("weak RSA key of 1024 bits");
            Finding pass = only(TestProbe.run(TlsCertificateCheck.ID, good.port()));
            assertThat(pass.verdict()).as(pass.summary()).isEqualTo(Verdict.PASS);
        }
    }

    private static SimulatedHttpDevice https(TestCertificates.Identity identity) throws Exception {
        return new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, null, Lockout.NONE, identity.serverContext());
    }

    @Test
    void bruteForceWithoutLimitFailsAndLockoutPasses() throws Exception {
        try (var open = new SimulatedSshDevice("root", UNIQUE, null, Lockout.NONE);
             var guarded = new SimulatedSshDevice("root", UNIQUE, null, new Lockout(3, java.time.Duration.ofSeconds(30)))) {
            Finding fail = only(TestProbe.run(BruteForceCheck.ID, open.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.summary()).contains("without lockout or slowdown");
            assertThat(fail.evidence()).hasSize(6); // 5 one at a time, then the parallel burst
            assertThat(fail.evidence().getLast().sent()).contains("parallel sessions");
            Finding pass = only(TestProbe.run(BruteForceCheck.ID, guarded.port()));
            assertThat(pass.verdict()).as(pass.summary()).isEqualTo(Verdict.PASS);
            assertThat(pass.summary()).contains("refused further attempts after 3 failed logins");
        }
    }

    @Test
    void httpLockoutWith429Passes() throws Exception {
        try (var guarded = new SimulatedHttpDevice(Scheme.DIGEST_MD5, "admin", UNIQUE, null,
                new Lockout(4, java.time.Duration.ofSeconds(30)), null)) {
            Finding pass = only(TestProbe.run(BruteForceCheck.ID, guarded.port()));
            assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
            assertThat(pass.summary()).contains("after 4 failed logins");
        }
    }

    @Test
    void ssdpAnswerFailsWithDisclosedModelAndSilencePasses() throws Exception {
        try (var web = new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, null, Lockout.NONE, null)) {
            web.describe("/rootDesc.xml", "<root><device><manufacturer>Acme</manufacturer><modelName>CAM-200</modelName>"
                    + "<serialNumber>SN123456</serialNumber></device></root>");
            try (var ssdp = new SimulatedSsdpDevice("http://127.0.0.1:" + web.port() + "/rootDesc.xml")) {
                var s = TestProbe.settings(List.of(web.port()), SsdpExposureCheck.ID);
                ProbeSettings withSsdp = new ProbeSettings(s.ports(), s.expectedPorts(), s.timeout(), s.bannerWait(),
                        s.maxConnectionsPerTarget(), s.connectionsPerSecond(), s.parallelTargets(), s.credentials(),
                        s.bruteForceAttempts(), s.lockoutWait(), ssdp.port(), s.httpPath(), s.checks());
                Finding fail = only(TestProbe.probe(withSsdp).findings());
                assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(fail.summary()).contains("modelName=CAM-200").contains("serialNumber=SN123456");
            }
        }
        Finding pass = only(TestProbe.run(SsdpExposureCheck.ID, TestProbe.unusedUdpPort()));
        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void versionBannersFailNeutralBannersPassAndTheSshVersionIsInformation() throws Exception {
        try (var openSsh = new SimulatedSshDevice("root", UNIQUE, null, Lockout.NONE);
             var quietSsh = new SimulatedSshDevice("root", UNIQUE, "Device", Lockout.NONE);
             var lighttpd = new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, "lighttpd/1.4.35", Lockout.NONE, null);
             var quietHttp = new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, "webserver", Lockout.NONE, null);
             var vsftpd = new SimulatedFtpDevice("a", UNIQUE, false, "(vsFTPd 3.0.3)")) {
            // Issue 15: RFC 4253 requires the SSH software version, so it failed every SSH server under 5.6-2.
            Finding ssh = only(TestProbe.run(InformationDisclosureCheck.ID, openSsh.port()));
            assertThat(ssh.summary()).contains("APACHE-SSHD-").contains("RFC 4253");
            assertThat(ssh.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(only(TestProbe.run(InformationDisclosureCheck.ID, lighttpd.port())).verdict()).isEqualTo(Verdict.FAIL);
            assertThat(only(TestProbe.run(InformationDisclosureCheck.ID, lighttpd.port())).summary()).contains("lighttpd/1.4.35");
            assertThat(only(TestProbe.run(InformationDisclosureCheck.ID, vsftpd.port())).summary()).contains("vsFTPd 3.0.3");
            assertThat(only(TestProbe.run(InformationDisclosureCheck.ID, quietSsh.port())).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(only(TestProbe.run(InformationDisclosureCheck.ID, quietHttp.port())).verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void undocumentedPortFailsAndDocumentedPortsPass() throws Exception {
        try (var ssh = new SimulatedSshDevice("root", UNIQUE, "Device", Lockout.NONE);
             var telnet = new SimulatedTelnetDevice("root", UNIQUE, true)) {
            var s = TestProbe.settings(List.of(ssh.port(), telnet.port()), OpenServicesCheck.ID);
            Finding fail = only(TestProbe.probe(expecting(s, Set.of(ssh.port()))).findings());
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.summary()).contains(telnet.port() + "/telnet").doesNotContain(ssh.port() + "/ssh");
            Finding pass = only(TestProbe.probe(expecting(s, Set.of(ssh.port(), telnet.port()))).findings());
            assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
            Finding inventoryOnly = only(TestProbe.probe(s).findings());
            assertThat(inventoryOnly.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        }
    }

    private static ProbeSettings expecting(ProbeSettings s, Set<Integer> expected) {
        return new ProbeSettings(s.ports(), Optional.of(expected), s.timeout(), s.bannerWait(), s.maxConnectionsPerTarget(),
                s.connectionsPerSecond(), s.parallelTargets(), s.credentials(), s.bruteForceAttempts(), s.lockoutWait(),
                s.ssdpPort(), s.httpPath(), s.checks());
    }
}
