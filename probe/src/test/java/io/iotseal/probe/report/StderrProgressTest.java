package io.iotseal.probe.report;

import io.iotseal.probe.TestProbe;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StderrProgressTest {
    @Test
    void linesShowTargetStepAndCount() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        var progress = new StderrProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, 2);
        progress.targetStarted(TestProbe.LOOPBACK);
        progress.step(TestProbe.LOOPBACK, "ssh:22 credentials 3/66");
        progress.targetFinished(TestProbe.LOOPBACK, 1, 9);
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo(
                "[0/2] 127.0.0.1: started\n[0/2] 127.0.0.1: ssh:22 credentials 3/66\n[1/2] 127.0.0.1: done, 1 of 9 findings FAIL\n");
    }
}
