package io.iotseal.probe.survey.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.probe.sim.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The collector hands each address once, loses nothing when its sink fails, and resumes where it stopped. */
class ResultsCollectorTest {
    @Test
    void oncePerAddressNothingLostOnASinkFailureAndDurableAcrossRestarts() throws Exception {
        try (NatsServerProcess nats = new NatsServerProcess()) {
            Connection nc = WorkerMain.connect(nats.url());
            try (Coordinator coordinator = new Coordinator(nc, Duration.ofSeconds(5))) {
                coordinator.start(RangeScope.of("collect-test", InetAddress.getByName("127.29.0.1"),
                        InetAddress.getByName("127.29.0.4"), 256, 100), new byte[0]);
                JetStream js = nc.jetStream();
                String subject = SurveyNames.resultsSubject("collect-test");
                // Without message ids, as if re-published after the duplicate window: the stream keeps both.
                for (String a : List.of("127.29.0.1", "127.29.0.2", "127.29.0.2", "127.29.0.3")) {
                    js.publish(subject, ("{\"address\":\"" + a + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                js.publish(subject, "not json".getBytes(StandardCharsets.UTF_8));

                ResultsCollector failing = new ResultsCollector(nc, "collect-test", "registry", 100);
                assertThatThrownBy(() -> failing.collectAvailable(batch -> {
                    throw new IllegalStateException("registry down");
                })).hasMessage("registry down");
                assertThat(failing.counts().delivered()).isZero();

                List<String> got = new ArrayList<>();
                ResultsCollector collector = new ResultsCollector(nc, "collect-test", "registry", 100);
                collector.collectAvailable(batch -> batch.forEach(b -> got.add(new String(b, StandardCharsets.UTF_8))));
                assertThat(got).hasSize(3).doesNotHaveDuplicates();
                assertThat(collector.counts()).isEqualTo(new ResultsCollector.Counts(5, 3, 1, 1));

                js.publish(subject, "{\"address\":\"127.29.0.4\"}".getBytes(StandardCharsets.UTF_8));
                List<String> later = new ArrayList<>();
                new ResultsCollector(nc, "collect-test", "registry", 100)
                        .collectAvailable(batch -> batch.forEach(b -> later.add(new String(b, StandardCharsets.UTF_8))));
                assertThat(later).containsExactly("{\"address\":\"127.29.0.4\"}");
            }
            nc.close();
        }
    }
}
