package io.iotseal.probe.survey.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.probe.sim.NatsServerProcess;
import io.iotseal.probe.sim.SimulatedFleet;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/** The engine in one JVM with the stand-in backend: coordinator, one worker, collector. */
class EngineSmokeTest {
    @Test
    void oneWorkerProbesEveryAddressOnce() throws Exception {
        List<InetAddress> addresses = SimulatedFleet.addresses("127.21.0.1", 300);
        try (NatsServerProcess nats = new NatsServerProcess();
             SimulatedFleet fleet = new SimulatedFleet(addresses, 8080, 10)) {
            Connection nc = WorkerMain.connect(nats.url());
            RangeScope scope = RangeScope.of("smoke-1", addresses.getFirst(), addresses.getLast(), 64, 2000);
            try (Coordinator coordinator = new Coordinator(nc, Duration.ofSeconds(5));
                 Worker worker = new Worker(WorkerMain.connect(nats.url()), new ConnectBackend(8080, true), 16, "w1",
                         Clock.systemUTC())) {
                CampaignStatus started = coordinator.start(scope, new byte[0]);
                assertThat(started.items()).isEqualTo(5);
                Thread.ofVirtual().start(worker);
                assertThat(coordinator.awaitEnd("smoke-1", Duration.ofSeconds(60))).isTrue();
                Set<String> seen = ConcurrentHashMap.newKeySet();
                ResultsCollector collector = new ResultsCollector(nc, "smoke-1", "test", 100);
                ResultsCollector.Counts counts = collector.collectUntilEnd(batch -> batch.forEach(b -> seen.add(new String(b))),
                        Duration.ofSeconds(30));
                assertThat(counts.delivered()).isEqualTo(300);
                assertThat(coordinator.status("smoke-1").state()).isEqualTo(CampaignState.DONE);
                for (InetAddress a : addresses) {
                    assertThat(fleet.connections(a)).as(a.toString()).isEqualTo(1);
                }
            }
            nc.close();
        }
    }
}
