package io.iotseal.probe.survey.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.probe.sim.NatsServerProcess;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The operator's commands: status, pause, resume and cancel by campaign id; bad arguments exit 2. */
class CoordinatorMainTest {
    @Test
    void pauseResumeCancelAndStatusByCampaignId() throws Exception {
        try (NatsServerProcess nats = new NatsServerProcess()) {
            Connection nc = WorkerMain.connect(nats.url());
            try (Coordinator coordinator = new Coordinator(nc, Duration.ofSeconds(5))) {
                coordinator.start(RangeScope.of("main-test", InetAddress.getByName("127.29.1.1"),
                        InetAddress.getByName("127.29.1.100"), 10, 100), new byte[0]);
                assertThat(run("pause", nats.url())).contains("main-test PAUSED: items 0/10 done");
                assertThat(run("status", nats.url())).contains("PAUSED");
                assertThat(run("resume", nats.url())).contains("RUNNING");
                assertThat(run("cancel", nats.url())).contains("CANCELLED");
                assertThat(coordinator.status("main-test").itemsRemaining()).isZero();
            }
            nc.close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(CoordinatorMain.run(new String[] {"pause", "--nats", nats.url()}, System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
        }
    }

    private static String run(String command, String url) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CoordinatorMain.run(new String[] {command, "--nats", url, "--campaign", "main-test"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
