package io.iotseal.probe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test broker leaves nothing behind in the system's temporary folder (issue 11). */
class MosquittoTest {
    @Test
    void brokerFilesLiveUnderTargetAndAreRemovedOnClose() throws Exception {
        Mosquitto.requireForTest();
        Path dir;
        try (Mosquitto broker = new Mosquitto("user", "secret-password")) {
            dir = broker.directory();
            assertThat(dir.toAbsolutePath().normalize()).startsWith(Path.of("target").toAbsolutePath());
            assertThat(dir.resolve("mosquitto.conf")).exists();
        }
        assertThat(Files.exists(dir)).isFalse();
    }
}
