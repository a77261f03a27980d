package io.iotseal.probe.survey.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.probe.sim.SimulatedFleet;
import io.iotseal.probe.survey.SurveyScope;
import io.nats.client.JetStream;
import io.nats.client.api.StreamInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A worker probes only what the signed-off scope covers, whatever is on the work stream; a coordinator started
 * again does not duplicate items, and a campaign id cannot be reused with another scope.
 */
class ScopeRefusalTest {
    @Test
    void forgedItemsAreRefusedAndNothingOutsideTheScopeIsProbed() throws Exception {
        try (SurveyFixture f = new SurveyFixture("127.27.0.1", 10, 0);
             SimulatedFleet outside = new SimulatedFleet(SimulatedFleet.addresses("127.27.1.1", 1), SurveyFixture.PORT, 0)) {
            SurveyScope scope = f.scope("refusal-test", 2000, 256);
            f.coordinator.start(scope, Optional.empty());
            JetStream js = f.nc.jetStream();
            String subject = SurveyNames.workSubject("refusal-test");
            // Outside the blocks, with the right scope hash; inside, with another scope's hash; not an item at all.
            js.publish(subject, new WorkItem("refusal-test", 2, "127.27.1.1-127.27.1.1", scope.sha256()).toJson());
            js.publish(subject, new WorkItem("refusal-test", 3, "127.27.0.1-127.27.0.10", "ab".repeat(32)).toJson());
            js.publish(subject, "rm -rf /".getBytes(StandardCharsets.UTF_8));

            try (Worker worker = new Worker(WorkerMain.connect(f.nats.url()), new ProbeBackend(Clock.systemUTC()), 8, "w",
                    Clock.systemUTC())) {
                Thread.ofVirtual().start(worker);
                assertThat(f.coordinator.awaitEnd("refusal-test", Duration.ofSeconds(60))).isTrue();
                assertThat(worker.itemsRefused()).isEqualTo(3);
            }
            assertThat(outside.totalConnections()).isZero();
            assertThat(f.collect("refusal-test", Duration.ofSeconds(10))).hasSize(10);
            CampaignStore store = CampaignStore.open(f.nc, false);
            assertThat(store.get(SurveyNames.refusedKey("refusal-test", 2)).map(String::new).orElseThrow())
                    .contains("127.27.1.1 is outside the scope");
            assertThat(store.get(SurveyNames.refusedKey("refusal-test", 3)).map(String::new).orElseThrow())
                    .contains("another scope");
            assertThat(store.get(SurveyNames.refusedKey("refusal-test", 4))).isPresent();
        }
    }

    @Test
    void aRestartedCoordinatorDoesNotDuplicateItemsAndAnIdKeepsItsScope() throws Exception {
        try (SurveyFixture f = new SurveyFixture("127.28.0.1", 1, 0)) {
            SurveyScope scope = f.scope("restart-test", 100, 16);
            // 1000 addresses of the /22 around the fleet, in 63 items (no worker: they stay on the stream).
            SurveyScope wide = SurveyScope.parse(new String(scope.canonicalJson(), StandardCharsets.UTF_8)
                    .replace(scope.blocks().getFirst().text(), "127.28.0.1-127.28.3.232"), "wide");
            assertThat(f.coordinator.start(wide, Optional.empty()).items()).isEqualTo(63);
            // Another coordinator, as after a crash: it goes on from the recorded count and publishes nothing twice.
            try (Coordinator again = new Coordinator(f.nc, SurveyFixture.ACK_WAIT)) {
                CampaignStore.open(f.nc, false).put(SurveyNames.metaKey("restart-test"),
                        f.coordinator.meta("restart-test").withPublished(40).toJson());
                assertThat(again.start(wide, Optional.empty()).itemsRemaining()).isEqualTo(63);
                StreamInfo work = f.nc.jetStreamManagement().getStreamInfo(SurveyNames.workStream("restart-test"));
                assertThat(work.getStreamState().getMsgCount()).isEqualTo(63);
                assertThatThrownBy(() -> again.start(scope, Optional.empty()))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("another scope");
            }
        }
    }
}
