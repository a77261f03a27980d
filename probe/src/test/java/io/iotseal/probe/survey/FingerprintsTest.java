package io.iotseal.probe.survey;

import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.report.Reachability;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.SimulatedHttpDevice;
import io.iotseal.probe.sim.TestCertificates;
import io.iotseal.probe.target.Target;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintsTest {

    @Test
    void titleIsReadFromHtml() {
        assertThat(Fingerprints.title("<HTML><head><TITLE lang=en>\n  Acme &amp; Co NetCam\n</title>")).isEqualTo(
                "\n  Acme & Co NetCam\n");
        assertThat(Fingerprint.normalise("\n  Acme & Co\tNetCam\n")).isEqualTo("Acme & Co NetCam");
        assertThat(Fingerprints.title("<html>no title</html>")).isEmpty();
        assertThat(Fingerprint.normalise("x".repeat(600))).hasSize(Fingerprint.MAX_LENGTH);
        assertThat(Fingerprint.ofNullable(Fingerprint.Kind.BANNER, 23, "  \r\n")).isNull();
    }

    @Test
    void httpsDeviceShowsItsCertificateTitleAndServer() throws Exception {
        var identity = TestCertificates.caIssued();
        InetAddress address = InetAddress.getByName("127.77.1.10");
        try (var https = new SimulatedHttpDevice(address, SimulatedHttpDevice.Scheme.BASIC, "admin", "q7T-vX2m-Lp9k",
                "Boa/0.94.14rc21", Lockout.NONE, identity.serverContext()).loginPageTitle("Acme Router")) {
            SurveyScope scope = Scopes.open("127.77.1.0/24", List.of(https.port()), List.of("open-services"));
            try (var probe = new SurveyProbe(scope, OptOutList.none(), new RateLimiter(0), 1, Clock.systemUTC(), "w")) {
                Observation o = probe.observe(address);
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(identity.chain()[0].getEncoded()));
                assertThat(o.fingerprints()).containsExactlyInAnyOrder(
                        new Fingerprint(Fingerprint.Kind.HTTP_SERVER, https.port(), "Boa/0.94.14rc21"),
                        new Fingerprint(Fingerprint.Kind.HTTP_TITLE, https.port(), "Acme Router"),
                        new Fingerprint(Fingerprint.Kind.TLS_CERT_SHA256, https.port(), sha));
                assertThat(SurveySchemas.validate(SurveySchemas.OBSERVATION, o.toJson())).isEmpty();
            }
        }
    }

    @Test
    void upnpModelComesFromTheSsdpCheckAndBannersFromOtherServices() throws Exception {
        InetAddress address = InetAddress.getByName("127.77.1.11");
        Finding ssdp = new Finding("ssdp-exposure", "127.77.1.11", 1900, "ssdp", Verdict.FAIL,
                "UPnP/SSDP answers discovery on udp/1900; its description discloses manufacturer=Acme, "
                        + "modelName=NetCam 200, modelNumber=NC200, serialNumber=123", List.of(), List.of());
        DeviceReport report = new DeviceReport("127.77.1.11", "127.77.1.11", Instant.now(), Instant.now(),
                List.of(new DeviceReport.OpenService(23, "telnet", "Acme login:"),
                        new DeviceReport.OpenService(22, "ssh", "")),
                List.of(ssdp), new Reachability(true, "2 open"));
        // No HTTP or TLS service, so the dialer is never used: nothing listens there.
        Dialer dialer = new Dialer(new Target("127.77.1.11", address), new RateLimiter(0), 1, Duration.ofMillis(200));
        assertThat(Fingerprints.of(report, dialer)).containsExactly(
                new Fingerprint(Fingerprint.Kind.BANNER, 23, "Acme login:"),
                new Fingerprint(Fingerprint.Kind.UPNP_MODEL, 1900, "NetCam 200"));
    }
}
