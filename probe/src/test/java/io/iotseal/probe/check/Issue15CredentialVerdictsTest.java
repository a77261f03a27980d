package io.iotseal.probe.check;

import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.AbortingSshDevice;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.SimulatedFtpDevice;
import io.iotseal.probe.sim.SimulatedHttpDevice;
import io.iotseal.probe.sim.SimulatedHttpDevice.Scheme;
import io.iotseal.probe.sim.SimulatedSshDevice;
import io.iotseal.probe.sim.SimulatedSshDevice.HostKey;
import io.iotseal.probe.sim.SimulatedTelnetDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrong credential verdicts of issue 15, each reproduced on a simulated device (ADR 0076): key-only
 * SSH and anonymous-only FTP failed brute force at "100 guesses/s" though no password was checked; an
 * Ed25519-only dropbear was read as refusing (brute-force PASS, default credential missed); a 3 s login
 * delay equal to the timeout made results random; a 1 s delay per failure passed although parallel
 * sessions give an attacker many guesses per second; wrong passwords went to an account that just worked.
 */
class Issue15CredentialVerdictsTest {
    private static final String UNIQUE = "q7T-vX2m-Lp9k-Rw4z";

    private static Finding finding(List<Finding> findings, String checkId) {
        return findings.stream().filter(f -> f.checkId().equals(checkId)).findFirst().orElseThrow();
    }

    private static List<Finding> probe(int port) {
        return TestProbe.probe(TestProbe.settings(List.of(port), DefaultCredentialCheck.ID, BruteForceCheck.ID)).findings();
    }

    @Test
    void keyOnlySshOffersNoPasswordLoginSoBothChecksAreNotApplicable() throws Exception {
        try (var ssh = new SimulatedSshDevice("admin", UNIQUE, null, Lockout.NONE, HostKey.EC, false)) {
            List<Finding> findings = probe(ssh.port());
            for (String check : List.of(DefaultCredentialCheck.ID, BruteForceCheck.ID)) {
                Finding f = finding(findings, check);
                assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.NOT_APPLICABLE);
                assertThat(f.summary()).contains("offers no password login").contains("publickey");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"530 This FTP server is anonymous only.", "530 Non-anonymous sessions must use encryption."})
    void ftpThatChecksNoPasswordIsNotApplicable(String reply) throws Exception {
        try (var ftp = new SimulatedFtpDevice("admin", UNIQUE, true, "ready").refuseUsers(reply)) {
            List<Finding> findings = probe(ftp.port());
            for (String check : List.of(DefaultCredentialCheck.ID, BruteForceCheck.ID)) {
                Finding f = finding(findings, check);
                assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.NOT_APPLICABLE);
                assertThat(f.summary()).contains(reply.substring(4));
            }
        }
    }

    @Test
    void ed25519OnlyDaemonIsLoggedIntoAndTheWorkingAccountGetsNoWrongPasswords() throws Exception {
        assertThat(io.iotseal.probe.credential.SshLogin.newClient().getSignatureFactoriesNames()).startsWith("ssh-ed25519");
        try (var ssh = new SimulatedSshDevice("admin", "admin", null, Lockout.NONE, HostKey.ED25519_ONLY, true)) {
            List<Finding> findings = probe(ssh.port());
            Finding found = finding(findings, DefaultCredentialCheck.ID);
            assertThat(found.verdict()).as(found.summary()).isEqualTo(Verdict.FAIL);
            assertThat(found.summary()).contains("admin:[REDACTED]");
            Finding skipped = finding(findings, BruteForceCheck.ID);
            assertThat(skipped.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(skipped.summary()).contains("skipped").contains("'admin'");
            assertThat(skipped.evidence()).isEmpty();
        }
    }

    @Test
    void handshakeThatBreaksOffIsAFaultNeverARefusal() throws Exception {
        try (var dropbear = new AbortingSshDevice()) {
            List<Finding> findings = probe(dropbear.port());
            for (String check : List.of(DefaultCredentialCheck.ID, BruteForceCheck.ID)) {
                Finding f = finding(findings, check);
                assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.INCONCLUSIVE);
            }
            assertThat(finding(findings, DefaultCredentialCheck.ID).summary()).contains("handshake failed");
        }
    }

    @Test
    void oneSecondPerFailureButParallelSessionsFailsOnTheMeasuredRate() throws Exception {
        try (var web = new SimulatedHttpDevice(Scheme.BASIC, "admin", UNIQUE, null, Lockout.NONE, null)
                .failureDelay(Duration.ofMillis(1000))) {
            Finding f = only(TestProbe.run(BruteForceCheck.ID, web.port()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("parallel sessions").contains("threshold 1.00 guesses/s");
        }
    }

    @Test
    void loginDelayAsLongAsTheTimeoutIsWaitedFor() throws Exception {
        ProbeSettings base = TestProbe.settings(List.of(1), DefaultCredentialCheck.ID);
        try (var telnet = new SimulatedTelnetDevice("admin", "admin", true).failureDelay(base.timeout())) {
            Finding f = only(TestProbe.run(DefaultCredentialCheck.ID, telnet.port()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("admin:[REDACTED]");
        }
    }

    private static Finding only(List<Finding> findings) {
        return DefaultCredentialCheckTest.only(findings);
    }
}
