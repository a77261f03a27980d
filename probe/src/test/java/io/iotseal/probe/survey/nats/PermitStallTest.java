package io.iotseal.probe.survey.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.sim.NatsServerProcess;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Without a coordinator a worker gets no permit and waits: it never probes unpaced. */
class PermitStallTest {
    @Test
    void noCoordinatorNoConnectionAndTheWorkerGoesOnWhenOneComes() throws Exception {
        try (NatsServerProcess nats = new NatsServerProcess()) {
            Connection worker = WorkerMain.connect(nats.url());
            RateLimiter limiter = new RateLimiter(new NatsPermits(worker, "stall-test"));
            CountDownLatch got = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> {
                limiter.acquire();
                got.countDown();
            });
            assertThat(got.await(2, TimeUnit.SECONDS)).as("a permit without a coordinator").isFalse();
            Connection coordinator = WorkerMain.connect(nats.url());
            try (PermitService service = new PermitService(coordinator, "stall-test", 100)) {
                assertThat(got.await(5, TimeUnit.SECONDS)).as("a permit once the coordinator is back").isTrue();
                assertThat(service.granted()).isEqualTo(1);
            }
            coordinator.close();
            worker.close();
        }
    }
}
