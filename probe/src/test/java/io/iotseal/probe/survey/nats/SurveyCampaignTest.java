package io.iotseal.probe.survey.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.sim.SimulatedFleet;
import io.iotseal.probe.survey.Observation;
import io.iotseal.probe.survey.SurveyScope;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issue 18's engine guarantees with three worker JVMs against thousands of simulated devices: none lost and none
 * doubled when a worker is killed, the opt-out list, pause and resume, cancel.
 */
class SurveyCampaignTest {

    @Test
    void aKilledWorkerLosesNothingAndDoublesNothingAndOptedOutDevicesGetNoPacket() throws Exception {
        try (SurveyFixture f = new SurveyFixture("127.20.0.1", 2000, 7)) {
            List<InetAddress> devices = f.fleet.addresses();
            // Opted out: a block of 40 and two single addresses, as an owner's request would name them.
            Path optOut = Files.createTempFile(Path.of("target"), "optout", ".txt");
            Files.writeString(optOut, "# owners' requests\n" + devices.get(100).getHostAddress() + "-"
                    + devices.get(139).getHostAddress() + "\n" + devices.get(500).getHostAddress() + "\n"
                    + devices.get(1999).getHostAddress() + "  # the last one\n");
            SurveyScope scope = f.scope("kill-test", 4000, 64);
            f.startWorkers(3, 128);
            f.coordinator.start(scope, Optional.of(optOut));
            f.awaitObservations("kill-test", 500, Duration.ofSeconds(60));
            f.workers.get(0).destroyForcibly().waitFor();

            assertThat(f.coordinator.awaitEnd("kill-test", Duration.ofSeconds(90))).isTrue();
            List<Observation> observations = f.collect("kill-test", Duration.ofSeconds(30));

            Map<String, Long> perAddress = observations.stream()
                    .collect(Collectors.groupingBy(Observation::address, Collectors.counting()));
            assertThat(perAddress).hasSize(2000);
            assertThat(perAddress.values()).allMatch(n -> n == 1);
            assertThat(perAddress.keySet()).containsExactlyInAnyOrderElementsOf(
                    devices.stream().map(InetAddress::getHostAddress).toList());
            Map<String, Observation> byAddress = observations.stream()
                    .collect(Collectors.toMap(Observation::address, Function.identity()));
            for (int i = 0; i < devices.size(); i++) {
                InetAddress device = devices.get(i);
                Observation o = byAddress.get(device.getHostAddress());
                boolean optedOut = (i >= 100 && i <= 139) || i == 500 || i == 1999;
                assertThat(o.optedOut()).as(device.toString()).isEqualTo(optedOut);
                if (optedOut) {
                    assertThat(f.fleet.connections(device)).as("connections to opted-out " + device).isZero();
                } else {
                    assertThat(o.reached()).as(device.toString()).isTrue();
                    assertThat(hasFailingDefaultCredential(o)).as(device.toString())
                            .isEqualTo(f.fleet.acceptsDefault(i));
                }
            }
            assertThat(f.coordinator.status("kill-test").observations()).isEqualTo(2000);
            // Sizes for the projection of ADR 0104 (results stream bytes per address).
            System.out.printf("observation bytes: reached %.0f, opted out %.0f on average%n",
                    observations.stream().filter(Observation::reached).mapToInt(o -> o.toJson().length).average().orElse(0),
                    observations.stream().filter(Observation::optedOut).mapToInt(o -> o.toJson().length).average().orElse(0));
        }
    }

    @Test
    void pauseStopsNewWorkAndResumeFinishesIt() throws Exception {
        try (SurveyFixture f = new SurveyFixture("127.24.0.1", 1200, 0)) {
            f.startWorkers(3, 64);
            f.coordinator.start(f.scope("pause-test", 4000, 64), Optional.empty());
            f.awaitObservations("pause-test", 200, Duration.ofSeconds(60));
            f.coordinator.pause("pause-test");
            long settled = settle(f.fleet);
            // Paused: the addresses in flight have finished, and no new address is probed, however long it lasts.
            Thread.sleep(3000);
            assertThat(f.fleet.totalConnections()).isEqualTo(settled);
            CampaignStatus paused = f.coordinator.status("pause-test");
            assertThat(paused.state()).isEqualTo(CampaignState.PAUSED);
            assertThat(paused.observations()).isLessThan(1200);

            f.coordinator.resume("pause-test");
            assertThat(f.coordinator.awaitEnd("pause-test", Duration.ofSeconds(90))).isTrue();
            List<Observation> observations = f.collect("pause-test", Duration.ofSeconds(30));
            assertThat(observations).hasSize(1200);
            assertThat(observations.stream().map(Observation::address).distinct()).hasSize(1200);
            assertThat(f.coordinator.status("pause-test").state()).isEqualTo(CampaignState.DONE);
        }
    }

    @Test
    void cancelStopsTheCampaign() throws Exception {
        try (SurveyFixture f = new SurveyFixture("127.25.0.1", 1200, 0)) {
            f.startWorkers(3, 64);
            f.coordinator.start(f.scope("cancel-test", 4000, 64), Optional.empty());
            f.awaitObservations("cancel-test", 200, Duration.ofSeconds(60));
            f.coordinator.cancel("cancel-test");
            long settled = settle(f.fleet);
            Thread.sleep(3000);
            assertThat(f.fleet.totalConnections()).isEqualTo(settled);
            CampaignStatus cancelled = f.coordinator.status("cancel-test");
            assertThat(cancelled.state()).isEqualTo(CampaignState.CANCELLED);
            assertThat(cancelled.itemsRemaining()).isZero();
            assertThat(cancelled.observations()).isLessThan(1200);
            // What was observed before the cancel is kept and collectable, once per address.
            List<Observation> observations = f.collect("cancel-test", Duration.ofSeconds(30));
            assertThat(observations.stream().map(Observation::address).distinct().count()).isEqualTo(observations.size());
        }
    }

    /** Waits until the fleet has seen no new connection for a second; the count then. */
    static long settle(SimulatedFleet fleet) throws InterruptedException {
        long last = -1;
        long now = fleet.totalConnections();
        while (now != last) {
            last = now;
            Thread.sleep(1000);
            now = fleet.totalConnections();
        }
        return now;
    }

    private static boolean hasFailingDefaultCredential(Observation o) {
        return o.findings().stream().anyMatch(x -> x.check().equals("default-credentials") && x.verdict() == Verdict.FAIL);
    }
}
