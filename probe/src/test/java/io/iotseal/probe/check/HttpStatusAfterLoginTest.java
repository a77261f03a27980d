package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.SimulatedHttpDevice;
import io.iotseal.probe.sim.SimulatedHttpDevice.Scheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.iotseal.probe.check.DefaultCredentialCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: lighttpd without an index answers 403 after the correct password; the probe read it as a
 * lockout (30 s wait, INCONCLUSIVE) and missed the credential. A status other than 401 after a credential
 * is a success with a note when a random pair still gets 401 (ADR 0076).
 */
class HttpStatusAfterLoginTest {

    @ParameterizedTest
    @ValueSource(ints = {403, 404, 302})
    void statusAfterTheCorrectCredentialIsASuccessWithANote(int status) throws Exception {
        try (var web = new SimulatedHttpDevice(Scheme.BASIC, "admin", "admin", null, Lockout.NONE, null)
                .statusAfterLogin(status)) {
            Finding f = only(TestProbe.run(DefaultCredentialCheck.ID, web.port()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("admin:[REDACTED]");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.received()).contains(String.valueOf(status)));
            if (status != 302) {
                assertThat(f.evidence()).anySatisfy(e -> assertThat(e.received()).contains("a random pair got 401"));
            }
        }
    }
}
