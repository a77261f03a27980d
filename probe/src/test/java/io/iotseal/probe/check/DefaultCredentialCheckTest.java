package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.Mosquitto;
import io.iotseal.probe.sim.SimulatedFtpDevice;
import io.iotseal.probe.sim.SimulatedHttpDevice;
import io.iotseal.probe.sim.SimulatedHttpDevice.Scheme;
import io.iotseal.probe.sim.SimulatedSshDevice;
import io.iotseal.probe.sim.SimulatedTelnetDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultCredentialCheckTest {
    private static final String ID = DefaultCredentialCheck.ID;
    /** A password no list contains, as a device with unique per-device passwords has. */
    private static final String UNIQUE = "q7T-vX2m-Lp9k-Rw4z";

    @Test
    void sshWithMiraiDefaultFailsWithRedactedEvidence() throws Exception {
        try (var ssh = new SimulatedSshDevice("root", "xc3511", null, Lockout.NONE)) {
            Finding f = only(TestProbe.run(ID, ssh.port()));
            assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(f.service()).isEqualTo("ssh");
            assertThat(f.summary()).contains("root:[REDACTED]").doesNotContain("xc3511");
            assertThat(f.requirements()).contains(new RequirementRef("etsi-en-303-645", "5.1-1"),
                    new RequirementRef("jc-star-star1", "S1.1-02"));
            assertThat(f.evidence()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.sent()).doesNotContain("xc3511");
                assertThat(e.received()).doesNotContain("xc3511");
            });
        }
    }

    @Test
    void legacyOnlySshDaemonIsStillTested() throws Exception {
        try (var ssh = new SimulatedSshDevice("admin", "admin", "dropbear_0.46", Lockout.NONE, true)) {
            Finding f = only(TestProbe.run(ID, ssh.port()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("admin:[REDACTED]");
        }
    }

    @Test
    void sshWithEmptyRootPasswordFails() throws Exception {
        try (var ssh = new SimulatedSshDevice("root", "", null, Lockout.NONE)) {
            Finding f = only(TestProbe.run(ID, ssh.port()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("root:(empty)");
        }
    }

    @Test
    void sshWithUniquePasswordPasses() throws Exception {
        try (var ssh = new SimulatedSshDevice("root", UNIQUE, null, Lockout.NONE)) {
            Finding f = only(TestProbe.run(ID, ssh.port()));
            assertThat(f.verdict()).as(f.summary() + f.evidence()).isEqualTo(Verdict.PASS);
            assertThat(f.summary()).contains("rejected all");
        }
    }

    @Test
    void telnetDefaultFailsAndUniquePasses() throws Exception {
        try (var weak = new SimulatedTelnetDevice("admin", "admin", true);
             var strong = new SimulatedTelnetDevice("admin", UNIQUE, true)) {
            Finding fail = only(TestProbe.run(ID, weak.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.summary()).contains("admin:[REDACTED]");
            assertThat(only(TestProbe.run(ID, strong.port())).verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void httpDefaultFailsAndUniquePasses(Scheme scheme) throws Exception {
        try (var weak = new SimulatedHttpDevice(scheme, "admin", "12345", null, Lockout.NONE, null);
             var strong = new SimulatedHttpDevice(scheme, "admin", UNIQUE, null, Lockout.NONE, null)) {
            Finding fail = only(TestProbe.run(ID, weak.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.summary()).contains("admin:[REDACTED]");
            assertThat(fail.evidence()).anySatisfy(e -> assertThat(e.sent()).contains("Authorization: "
                    + (scheme == Scheme.BASIC ? "Basic" : "Digest") + " [REDACTED]"));
            assertThat(fail.evidence()).allSatisfy(e -> assertThat(e.sent()).doesNotContain("YWRtaW46MTIzNDU="));
            assertThat(only(TestProbe.run(ID, strong.port())).verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void ipv6LoopbackDeviceIsProbedToo() throws Exception {
        var v6 = java.net.InetAddress.getByName("::1");
        try (var web = new SimulatedHttpDevice(v6, Scheme.DIGEST_MD5, "admin", "1234", null, Lockout.NONE, null)) {
            var target = io.iotseal.probe.target.TargetSpec.parse("::1").iterator().next();
            var report = TestProbe.probe(TestProbe.settings(List.of(web.port()), ID), target);
            assertThat(report.address()).isEqualTo("0:0:0:0:0:0:0:1");
            Finding f = only(report.findings());
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.sent()).contains("Host: [0:0:0:0:0:0:0:1]:" + web.port()));
        }
    }

    @Test
    void ftpDefaultFailsAndUniquePasses() throws Exception {
        try (var weak = new SimulatedFtpDevice("admin", "1234", false, "FTP server ready");
             var strong = new SimulatedFtpDevice("admin", UNIQUE, false, "FTP server ready")) {
            Finding fail = only(TestProbe.run(ID, weak.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.evidence()).anySatisfy(e -> assertThat(e.sent()).isEqualTo("PASS [REDACTED]"));
            assertThat(only(TestProbe.run(ID, strong.port())).verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void mqttAcceptingAnyCredentialFailsAndPasswordProtectedPasses() throws Exception {
        Mosquitto.requireForTest();
        try (var open = new Mosquitto(null, null); var locked = new Mosquitto("sensor", UNIQUE)) {
            Finding fail = only(TestProbe.run(ID, open.port()));
            assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(fail.summary()).contains("arbitrary");
            assertThat(only(TestProbe.run(ID, locked.port())).verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void deviceThatLocksOutForGoodIsInconclusive() throws Exception {
        // Locked for longer than the probe waits: the rest of the list cannot be tried.
        try (var ssh = new SimulatedSshDevice("root", UNIQUE, null, new Lockout(3, java.time.Duration.ofMinutes(1)))) {
            Finding f = only(TestProbe.run(ID, ssh.port()));
            assertThat(f.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(f.summary()).contains("refused further attempts");
        }
    }

    @Test
    void noLoginServiceIsNotApplicable() {
        Finding f = only(TestProbe.run(ID, TestProbe.unusedUdpPort()));
        assertThat(f.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.getFirst();
    }
}
