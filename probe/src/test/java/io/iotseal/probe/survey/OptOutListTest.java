package io.iotseal.probe.survey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptOutListTest {

    @Test
    void readsAddressesBlocksRangesAndComments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("opt-out.txt");
        Files.writeString(file, """
                # owners who asked not to be surveyed
                127.1.0.5
                127.1.1.0/24      # a whole office
                127.1.2.10-127.1.2.20

                2001:db8::/126
                """);
        OptOutList list = OptOutList.read(file);
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.contains(ip("127.1.0.5"))).isTrue();
        assertThat(list.contains(ip("127.1.0.4"))).isFalse();
        assertThat(list.contains(ip("127.1.0.6"))).isFalse();
        assertThat(list.contains(ip("127.1.1.0"))).isTrue();
        assertThat(list.contains(ip("127.1.1.255"))).isTrue();
        assertThat(list.contains(ip("127.1.2.9"))).isFalse();
        assertThat(list.contains(ip("127.1.2.10"))).isTrue();
        assertThat(list.contains(ip("127.1.2.20"))).isTrue();
        assertThat(list.contains(ip("127.1.2.21"))).isFalse();
        assertThat(list.contains(ip("2001:db8::3"))).isTrue();
        assertThat(list.contains(ip("2001:db8::4"))).isFalse();
        assertThat(OptOutList.none().contains(ip("127.1.0.5"))).isFalse();
        assertThat(OptOutList.none().size()).isZero();
    }

    @Test
    void overlappingAndAdjoiningEntriesMerge() throws Exception {
        OptOutList list = OptOutList.of(List.of(AddressRange.parse("10.0.0.0/24"), AddressRange.parse("10.0.0.128-10.0.2.0"),
                AddressRange.parse("10.0.2.1"), AddressRange.parse("255.255.255.255"), AddressRange.parse("10.0.0.5")));
        assertThat(list.size()).isEqualTo(5);
        assertThat(list.contains(ip("10.0.1.77"))).isTrue();
        assertThat(list.contains(ip("10.0.2.1"))).isTrue();
        assertThat(list.contains(ip("10.0.2.2"))).isFalse();
        assertThat(list.contains(ip("255.255.255.255"))).isTrue();
        assertThat(list.contains(ip("9.255.255.255"))).isFalse();
    }

    @Test
    void errorsNameFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("opt-out.txt");
        Files.writeString(file, "127.1.0.5\n# fine\n127.1.0.300\n");
        assertThatThrownBy(() -> OptOutList.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("opt-out list " + file + " line 3: ");
        assertThatThrownBy(() -> OptOutList.read(dir.resolve("missing.txt"))).hasMessageContaining("missing.txt");
        assertThatThrownBy(() -> OptOutList.parse("10.0.0.1\r\n10.0.0.0/8x\n", "the campaign bucket"))
                .hasMessage("opt-out list the campaign bucket line 2: '10.0.0.0/8x': prefix length is not a number");
        assertThat(OptOutList.parse("10.0.0.1\r\n", "text").contains(ip("10.0.0.1"))).isTrue();
    }

    @Test
    void hundredThousandEntriesAnswerFast() throws Exception {
        Random random = new Random(18);
        List<String> lines = new ArrayList<>();
        List<InetAddress> listed = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[4];
            random.nextBytes(b);
            b[0] = 11;
            InetAddress a = InetAddress.getByAddress(b);
            listed.add(a);
            lines.add(i % 2 == 0 ? a.getHostAddress() : a.getHostAddress() + "-" + a.getHostAddress());
        }
        OptOutList list = OptOutList.parse(lines, "generated");
        assertThat(list.size()).isEqualTo(100_000);
        long started = System.nanoTime();
        for (InetAddress a : listed) {
            assertThat(list.contains(a)).isTrue();
        }
        int found = 0;
        for (int i = 0; i < 1_000_000; i++) {
            byte[] b = new byte[4];
            random.nextBytes(b);
            b[0] = 12;
            found += list.contains(InetAddress.getByAddress(b)) ? 1 : 0;
        }
        assertThat(found).isZero();
        assertThat((System.nanoTime() - started) / 1_000_000).as("1.1 million lookups, ms").isLessThan(5000);
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }
}
