package io.iotseal.server.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartMessageTest {
    @Test
    void theUrlIsWhereTheServerListens() {
        assertThat(StartMessage.url("127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080/");
        assertThat(StartMessage.url("0.0.0.0", 9090)).isEqualTo("http://localhost:9090/");
        assertThat(StartMessage.url("::1", 8080)).isEqualTo("http://[::1]:8080/");
        assertThat(StartMessage.url(null, 8080)).isEqualTo("http://localhost:8080/");
    }
}
