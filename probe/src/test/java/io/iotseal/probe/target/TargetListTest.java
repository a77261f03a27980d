package io.iotseal.probe.target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetListTest {
    @Test
    void singleAddressesAndSmallRangesNeedNoAuthorisation() {
        TargetList list = TargetList.of(List.of("127.0.0.1", "::1", "127.0.0.8/29"), null, false);
        assertThat(list.hostCount()).isEqualTo(10);
        assertThat(StreamSupport.stream(list.spliterator(), false).map(Target::host))
                .contains("127.0.0.1", "0:0:0:0:0:0:0:1", "127.0.0.8", "127.0.0.15").hasSize(10);
    }

    @Test
    void moreThanSixteenHostsNeedAuthorized() {
        assertThatThrownBy(() -> TargetList.of(List.of("127.0.0.0/27"), null, false))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("--authorized").hasMessageContaining("32 hosts");
        assertThat(TargetList.of(List.of("127.0.0.0/27"), null, true).hostCount()).isEqualTo(32);
    }

    @Test
    void rangesAreExpandedLazily() {
        TargetList list = TargetList.of(List.of("127.0.0.0/16"), null, true);
        assertThat(list.hostCount()).isEqualTo(65536);
        assertThat(list.iterator().next().host()).isEqualTo("127.0.0.0");
    }

    @Test
    void rejectsBadInputNamingIt() {
        assertThatThrownBy(() -> TargetSpec.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TargetSpec.parse("127.0.0.0/8")).hasMessageContaining("127.0.0.0/8")
                .hasMessageContaining("between 16 and 32");
        assertThatThrownBy(() -> TargetSpec.parse("127.0.0.1/x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> TargetSpec.parse("host name with spaces")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> TargetSpec.parse("239.255.255.250")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> TargetSpec.parse("0.0.0.0")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> TargetList.of(List.of(), null, false)).hasMessageContaining("at least one target");
    }

    @Test
    void targetsFileWithCommentsAndLineNumbersInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, "# bench\n127.0.0.1\n\n::1  # loopback v6\n");
        assertThat(TargetList.of(List.of(), file, false).hostCount()).isEqualTo(2);
        Files.writeString(file, "127.0.0.1\n300.1.1.1/33\n");
        assertThatThrownBy(() -> TargetList.of(List.of(), file, false)).hasMessageContaining("line 2");
    }
}
