package io.iotseal.probe.check;

import io.iotseal.probe.ProbeSettings;
import io.iotseal.probe.TestProbe;
import io.iotseal.probe.credential.Credential;
import io.iotseal.probe.credential.CredentialList;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.SimulatedRtspCamera;
import io.iotseal.probe.sim.SimulatedRtspCamera.Auth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.iotseal.probe.check.DefaultCredentialCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RTSP cameras (issue 15 "Coverage", ADR 0089): found by their answer to OPTIONS on any port, default
 * credentials tried with DESCRIBE answering the 401's Basic or Digest challenge, a stream open to anyone
 * reported by anonymous-access.
 */
class RtspLoginTest {

    static List<Finding> run(String check, int port, String... rtspPaths) {
        return run(check, port, TestProbe.settings(List.of(port), check).credentials(), rtspPaths);
    }

    static List<Finding> run(String check, int port, CredentialList credentials, String... rtspPaths) {
        ProbeSettings s = TestProbe.settings(List.of(port), check);
        s = new ProbeSettings(s.ports(), s.expectedPorts(), s.timeout(), s.bannerWait(), s.maxConnectionsPerTarget(),
                s.connectionsPerSecond(), s.parallelTargets(), credentials, s.bruteForceAttempts(), s.lockoutWait(),
                s.ssdpPort(), s.httpPath(), s.checks(), s.bruteForceKnownAccounts(), s.snmpv3Accounts(), List.of(rtspPaths));
        return TestProbe.probe(s).findings();
    }

    /**
     * On a random port, with an HTTP GET answered "HTTP/1.1 503" as GStreamer does: found by OPTIONS, and
     * the first path ("/", 404) asks for nothing, so the second is used.
     */
    @ParameterizedTest
    @EnumSource(value = Auth.class, names = {"BASIC", "DIGEST"})
    void theDefaultCredentialIsFoundWithDescribe(Auth auth) throws Exception {
        try (var camera = new SimulatedRtspCamera(auth, "/live/ch0", "admin", "12345", 0)) {
            Finding f = only(run(DefaultCredentialCheck.ID, camera.port(), "/", "/live/ch0"));
            assertThat(f.service()).isEqualTo("rtsp");
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("admin:[REDACTED]");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.sent())
                    .contains("DESCRIBE rtsp://127.0.0.1:" + camera.port() + "/live/ch0 RTSP/1.0")
                    .contains("Authorization: " + (auth == Auth.BASIC ? "Basic" : "Digest") + " [REDACTED]"));
            assertThat(f.evidence()).allSatisfy(e -> assertThat(e.sent()).doesNotContain("12345"));
        }
    }

    @Test
    void aPasswordInNoListPassesAndBruteForceMeasuresTheRate() throws Exception {
        try (var camera = new SimulatedRtspCamera(Auth.DIGEST, "/stream", "admin", "x9-Kq7!vN2#pLr", 0)) {
            assertThat(only(run(DefaultCredentialCheck.ID, camera.port(), "/stream")).verdict()).isEqualTo(Verdict.PASS);
            Finding brute = only(run(BruteForceCheck.ID, camera.port(), "/stream"));
            assertThat(brute.verdict()).as(brute.summary()).isEqualTo(Verdict.FAIL);
            assertThat(brute.summary()).contains("guesses/s");
        }
    }

    @Test
    void failuresSlowerThanTheTimeoutAreWaitedFor() throws Exception {
        // 2 s per failure against the tests' 1.5 s timeout: without the adaptive wait every answer is missed
        // and the verdict is INCONCLUSIVE.
        var list = CredentialList.of(List.of(new Credential("admin", "1234", "test", true),
                new Credential("root", "root", "test", true), new Credential("admin", "admin", "test", true)));
        try (var camera = new SimulatedRtspCamera(Auth.DIGEST, "/stream", "admin", "x9-Kq7!vN2#pLr", 0).failureDelay(2000)) {
            Finding f = only(run(DefaultCredentialCheck.ID, camera.port(), list, "/stream"));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aCameraThatLocksOutPassesBruteForce() throws Exception {
        try (var camera = new SimulatedRtspCamera(Auth.BASIC, "/stream", "admin", "x9-Kq7!vN2#pLr", 3)) {
            Finding brute = only(run(BruteForceCheck.ID, camera.port(), "/stream"));
            assertThat(brute.verdict()).as(brute.summary()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aStreamWithoutAuthenticationIsAnonymousAccessAndNoLoginService() throws Exception {
        try (var camera = new SimulatedRtspCamera(Auth.NONE, "/stream", "", "", 0)) {
            Finding anon = only(run(AnonymousAccessCheck.ID, camera.port(), "/stream"));
            assertThat(anon.verdict()).as(anon.summary()).isEqualTo(Verdict.FAIL);
            assertThat(anon.summary()).contains("/stream");
            assertThat(only(run(DefaultCredentialCheck.ID, camera.port(), "/stream")).verdict())
                    .isEqualTo(Verdict.NOT_APPLICABLE);
        }
    }

    @Test
    void anUnknownStreamPathIsInconclusiveNotAPass() throws Exception {
        try (var camera = new SimulatedRtspCamera(Auth.DIGEST, "/stream", "admin", "admin", 0)) {
            Finding anon = only(run(AnonymousAccessCheck.ID, camera.port(), "/"));
            assertThat(anon.verdict()).as(anon.summary()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(anon.summary()).contains("--rtsp-path");
        }
    }
}
