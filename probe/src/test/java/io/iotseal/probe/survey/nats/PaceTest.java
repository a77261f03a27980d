package io.iotseal.probe.survey.nats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaceTest {
    @Test
    void holdsTheRateOverManyPermitsAndSavesNoIdleTime() throws Exception {
        Pace pace = new Pace(1000);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            pace.await();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Never faster than the rate. Slower only by stalls of this thread longer than MAX_LAG (a GC or a busy
        // machine), which are not made up on purpose; the global-rate test measures the hold with real workers.
        assertThat(seconds).isBetween(0.98, 1.3);
        // After 500 ms without demand, at most MAX_LAG's worth (100 permits) goes out at once, not 500.
        Thread.sleep(500);
        long idle = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            pace.await();
        }
        assertThat((System.nanoTime() - idle) / 1e6).isGreaterThan(90);
    }
}
