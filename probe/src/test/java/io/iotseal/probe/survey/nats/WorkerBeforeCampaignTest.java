package io.iotseal.probe.survey.nats;

import io.iotseal.probe.sim.NatsServerProcess;
import io.iotseal.probe.sim.SimulatedFleet;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers are started first, on a NATS server that has never seen a campaign (no bucket yet): they must wait for
 * one, not die. Found by SurveyLabTest, where one of two `iotseal probe worker` processes exited with
 * "stream not found" when it came up before the coordinator had created the bucket.
 */
class WorkerBeforeCampaignTest {
    @Test
    void aWorkerStartedBeforeAnyCampaignServesTheFirstOne() throws Exception {
        List<InetAddress> addresses = SimulatedFleet.addresses("127.22.0.1", 20);
        try (NatsServerProcess nats = new NatsServerProcess();
             SimulatedFleet fleet = new SimulatedFleet(addresses, 8081, 4);
             Worker worker = new Worker(WorkerMain.connect(nats.url()), new ConnectBackend(8081, true), 4, "early",
                     Clock.systemUTC())) {
            Thread running = Thread.ofVirtual().start(worker);
            Thread.sleep(1500);
            assertThat(running.isAlive()).as("the worker waits for a campaign").isTrue();
            Connection nc = WorkerMain.connect(nats.url());
            try (Coordinator coordinator = new Coordinator(nc, Duration.ofSeconds(5))) {
                coordinator.start(RangeScope.of("early-1", addresses.getFirst(), addresses.getLast(), 16, 500), new byte[0]);
                assertThat(coordinator.awaitEnd("early-1", Duration.ofSeconds(60))).isTrue();
                assertThat(coordinator.status("early-1").state()).isEqualTo(CampaignState.DONE);
                assertThat(worker.itemsDone()).isEqualTo(2);
            } finally {
                nc.close();
            }
        }
    }
}
