package io.iotseal.probe;

import io.iotseal.probe.check.OpenServicesCheck;
import io.iotseal.probe.check.SsdpExposureCheck;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.report.CampaignResult;
import io.iotseal.probe.report.DeviceReport;
import io.iotseal.probe.report.Reachability;
import io.iotseal.probe.report.RequirementVerdicts;
import io.iotseal.probe.report.TextReport;
import io.iotseal.probe.sim.SilentPort;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15: a device that drops every packet got PASS on open services and SSDP, and a /28 of absent
 * hosts "16 PASS". Silence is not evidence: such a device is "not reached" and gets no verdicts.
 */
class ReachabilityTest {

    @Test
    void deviceWhosePortsAllStaySilentIsNotReachedAndGetsNoVerdicts() throws Exception {
        try (SilentPort silent = new SilentPort()) {
            var settings = TestProbe.settings(List.of(silent.port()), OpenServicesCheck.ID, SsdpExposureCheck.ID);
            DeviceReport report = TestProbe.probe(settings);
            assertThat(report.reached()).isFalse();
            assertThat(report.findings()).isEmpty();
            assertThat(report.reachability().detail()).contains("1 without answer");
            String text = TextReport.render(result(List.of(report)));
            assertThat(text).contains("0 PASS").contains("1 not reached").contains("NOT REACHED");
            assertThatThrownBy(() -> new RequirementVerdicts().document(report, "etsi-en-303-645"))
                    .hasMessageContaining("was not reached");
        }
    }

    @Test
    void silentPortsOfAReachedDeviceAreNamedNotReachedNotPassed() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (SilentPort silent = new SilentPort()) {
            var settings = TestProbe.settings(List.of(closed, silent.port()), OpenServicesCheck.ID);
            DeviceReport report = TestProbe.probe(settings);
            assertThat(report.reached()).isTrue();
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.PASS);
                assertThat(f.summary()).contains("among the 1 that answered").contains("1 port(s) did not answer");
            });
        }
    }

    @Test
    void sixteenAbsentHostsAreSixteenNotReachedAndNoPass() {
        List<DeviceReport> absent = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            absent.add(new DeviceReport("192.0.2." + (16 + i), "192.0.2." + (16 + i), Instant.EPOCH, Instant.EPOCH,
                    List.of(), List.of(), new Reachability(false, "0 open, 0 closed, 27 without answer")));
        }
        CampaignResult result = result(absent);
        assertThat(result.notReached()).isEqualTo(16);
        assertThat(result.count(Verdict.PASS)).isZero();
        assertThat(TextReport.render(result)).contains("16 device(s), 0 FAIL, 0 PASS").contains("16 not reached");
    }

    @Test
    void aDeviceNotReachedCannotCarryFindings() {
        var finding = new io.iotseal.probe.finding.Finding("open-services", "x", 0, "", Verdict.PASS, "s", List.of(), List.of());
        assertThatThrownBy(() -> new DeviceReport("x", "192.0.2.1", Instant.EPOCH, Instant.EPOCH, List.of(),
                List.of(finding), new Reachability(false, "silent"))).hasMessageContaining("not reached");
    }

    private static CampaignResult result(List<DeviceReport> devices) {
        return new CampaignResult(Instant.EPOCH, Instant.EPOCH, 1, devices, 0);
    }
}
