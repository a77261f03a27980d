package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.SimulatedSshDevice;
import io.iotseal.probe.sim.SimulatedSshDevice.HostKey;
import org.junit.jupiter.api.Test;

import static io.iotseal.probe.check.DefaultCredentialCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the algorithms an SSH server offers are recorded, and weak ones are findings. */
class SshAlgorithmsCheckTest {
    private static final String UNIQUE = "q7T-vX2m-Lp9k-Rw4z";

    @Test
    void legacyDropbearFailsOnEveryWeakAlgorithmAndEd25519OnlyPasses() throws Exception {
        try (var legacy = new SimulatedSshDevice("root", UNIQUE, null, Lockout.NONE, true);
             var modern = new SimulatedSshDevice("root", UNIQUE, null, Lockout.NONE, HostKey.ED25519_ONLY, true)) {
            Finding fail = only(TestProbe.run(SshAlgorithmsCheck.ID, legacy.port()));
            assertThat(fail.verdict()).as(fail.summary() + fail.evidence()).isEqualTo(Verdict.FAIL);
            assertThat(fail.summary()).contains("key exchange diffie-hellman-group1-sha1", "cipher aes128-cbc",
                    "host key ssh-rsa");
            assertThat(fail.evidence().getFirst().received()).contains("host keys: ssh-rsa", "macs: hmac-sha1");
            Finding pass = only(TestProbe.run(SshAlgorithmsCheck.ID, modern.port()));
            assertThat(pass.evidence().getFirst().received()).contains("host keys: ssh-ed25519");
            assertThat(pass.summary()).contains("host keys ssh-ed25519");
        }
    }

    @Test
    void patternsMatchByPrefixSuffixOrExactName() {
        assertThat(SshAlgorithmsCheck.matches("*-cbc", "aes128-cbc")).isTrue();
        assertThat(SshAlgorithmsCheck.matches("arcfour*", "arcfour256")).isTrue();
        assertThat(SshAlgorithmsCheck.matches("ssh-rsa", "rsa-sha2-512")).isFalse();
        assertThat(SshAlgorithmsCheck.matches("ssh-rsa", "ssh-rsa")).isTrue();
    }
}
