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
        assertThat(list.hostCount()).isEqualTo(8);
        assertThat(StreamSupport.stream(list.spliterator(), false).map(Target::host))
                .contains("127.0.0.1", "0:0:0:0:0:0:0:1", "127.0.0.9", "127.0.0.14").hasSize(8);
    }

    @Test
    void moreThanSixteenHostsNeedAuthorized() {
        assertThatThrownBy(() -> TargetList.of(List.of("127.0.0.0/27"), null, false))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("--authorized").hasMessageContaining("30 hosts");
        TargetList list = TargetList.of(List.of("127.0.0.0/27"), null, "bench of lab 7, ticket 42");
        assertThat(list.hostCount()).isEqualTo(30);
        assertThat(list.authorization()).contains("bench of lab 7, ticket 42");
    }

    @Test
    void rangesAreExpandedLazily() {
        TargetList list = TargetList.of(List.of("127.0.0.0/16"), null, true);
        assertThat(list.hostCount()).isEqualTo(65534);
        assertThat(list.iterator().next().host()).isEqualTo("127.0.0.1");
    }

    /** Issue 15: a public address was probed with no --authorized and no warning. */
    @Test
    void publicAddressesNeedAWrittenAuthorisation() {
        assertThatThrownBy(() -> TargetList.of(List.of("8.8.8.8"), null, (String) null))
                .hasMessageContaining("8.8.8.8").hasMessageContaining("--authorized");
        assertThatThrownBy(() -> TargetList.of(List.of("100.64.0.0/28"), null, (String) null))
                .hasMessageContaining("100.64.0.0/28");
        assertThatThrownBy(() -> TargetList.of(List.of("2606:4700::1111"), null, (String) null))
                .hasMessageContaining("--authorized");
        assertThatThrownBy(() -> TargetList.of(List.of("8.8.8.8"), null, "  ")).hasMessageContaining("authorized");
        assertThat(TargetList.of(List.of("8.8.8.8"), null, "owner's written consent, ref 12").authorization())
                .contains("owner's written consent, ref 12");
        for (String local : List.of("10.1.2.3", "172.31.0.1", "192.168.1.0/28", "169.254.1.1", "192.0.2.7",
                "198.51.100.0/28", "203.0.113.9", "fd00::1", "fe80::1", "2001:db8::1", "::1")) {
            assertThat(TargetList.of(List.of(local), null, (String) null).authorization()).as(local).isEmpty();
        }
    }

    /** A range never includes its network and directed-broadcast addresses. */
    @Test
    void networkAndBroadcastAddressesOfARangeAreNeverProbed() {
        var hosts = StreamSupport.stream(TargetSpec.parse("192.168.7.0/28").spliterator(), false).map(Target::host).toList();
        assertThat(hosts).hasSize(14).doesNotContain("192.168.7.0", "192.168.7.15").contains("192.168.7.1", "192.168.7.14");
        assertThat(TargetSpec.parse("192.168.7.4/31").hostCount()).isEqualTo(2);
        assertThat(TargetSpec.parse("192.168.7.4/32").hostCount()).isEqualTo(1);
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
