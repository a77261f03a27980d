package io.iotseal.probe.survey;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangeTest {

    @Test
    void parsesCidrRangesAndSingleAddresses() {
        AddressRange cidr = AddressRange.parse("127.1.0.0/22");
        assertThat(cidr.first().getHostAddress()).isEqualTo("127.1.0.0");
        assertThat(cidr.last().getHostAddress()).isEqualTo("127.1.3.255");
        assertThat(cidr.size()).isEqualTo(1024);
        assertThat(cidr.text()).isEqualTo("127.1.0.0/22");
        assertThat(AddressRange.parse("127.1.0.0-127.1.3.255").text()).isEqualTo("127.1.0.0/22");
        assertThat(AddressRange.parse("127.1.0.1-127.1.0.4").text()).isEqualTo("127.1.0.1-127.1.0.4");
        assertThat(AddressRange.parse(" 10.0.0.7 ").text()).isEqualTo("10.0.0.7");
        assertThat(AddressRange.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(AddressRange.parse("0.0.0.0/0").text()).isEqualTo("0.0.0.0/0");
        assertThat(AddressRange.parse("2001:DB8:0:0::/126").text()).isEqualTo("2001:db8::/126");
        assertThat(AddressRange.parse("2001:db8::/66").size()).isEqualTo(1L << 62);
    }

    @Test
    void refusesWhatIsNotAnAddressRange() {
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.1/24")).hasMessageContaining("host bits set")
                .hasMessageContaining("10.0.0.0/24");
        assertThatThrownBy(() -> AddressRange.parse("256.0.0.1")).hasMessageContaining("not an IPv4");
        assertThatThrownBy(() -> AddressRange.parse("localhost")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> AddressRange.parse("::/129")).hasMessageContaining("between 0 and 128");
        assertThatThrownBy(() -> AddressRange.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> AddressRange.parse("2001:db8::/64").size()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void iteratesToTheLastAddressOfEachFamilyWithoutWrapping() {
        List<String> v4 = new ArrayList<>();
        AddressRange.parse("255.255.255.252/30").forEach(a -> v4.add(a.getHostAddress()));
        assertThat(v4).containsExactly("255.255.255.252", "255.255.255.253", "255.255.255.254", "255.255.255.255");
        List<InetAddress> v6 = new ArrayList<>();
        AddressRange.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124").forEach(v6::add);
        assertThat(v6).hasSize(16);
        assertThat(Addresses.text(v6.getLast())).isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        List<String> carry = new ArrayList<>();
        AddressRange.parse("10.0.0.255-10.0.1.1").forEach(a -> carry.add(a.getHostAddress()));
        assertThat(carry).containsExactly("10.0.0.255", "10.0.1.0", "10.0.1.1");
        List<String> zero = new ArrayList<>();
        AddressRange.parse("::-::1").forEach(a -> zero.add(Addresses.text(a)));
        assertThat(zero).containsExactly("::", "::1");
    }

    @Test
    void writesIpv6Compressed() throws Exception {
        assertThat(Addresses.text(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Addresses.text(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(Addresses.text(InetAddress.getByName("1::"))).isEqualTo("1::");
        assertThat(Addresses.text(InetAddress.getByName("1:0:2:3:4:5:6:7"))).isEqualTo("1:0:2:3:4:5:6:7");
    }

    @Test
    void workItemsCutBlocksInOrder() {
        Map<String, Object> m = Scopes.example();
        m.put("blocks", List.of("127.1.0.0/22", "127.9.0.0-127.9.0.98", "2001:db8::/120"));
        m.put("blockSize", 16);
        SurveyScope s = Scopes.parse(m);
        List<AddressRange> items = s.workItems();
        assertThat(items).hasSize(64 + 7 + 16);
        assertThat(items.get(0).text()).isEqualTo("127.1.0.0/28");
        assertThat(items.get(63).text()).isEqualTo("127.1.3.240/28");
        assertThat(items.get(64).text()).isEqualTo("127.9.0.0/28");
        assertThat(items.get(70).text()).isEqualTo("127.9.0.96-127.9.0.98");
        assertThat(items.get(71).text()).isEqualTo("2001:db8::/124");
        assertThat(items.get(86).text()).isEqualTo("2001:db8::f0/124");
        assertThat(s.workItemStream().mapToLong(AddressRange::size).sum()).isEqualTo(s.addressCount());
        assertThat(s.workItemStream().toList()).isEqualTo(items);
        assertThat(s.workItemCount()).isEqualTo(87);
        // A work item crosses the wire as its text and comes back the same.
        assertThat(items).allSatisfy(r -> assertThat(AddressRange.parse(r.text())).isEqualTo(r));
        assertThatThrownBy(() -> items.get(87)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void workItemsOfHundredMillionAddressesAreLazy() {
        Map<String, Object> m = Scopes.example();
        m.put("blocks", List.of("1.0.0.0/8", "2.0.0.0/8", "3.0.0.0/8", "4.0.0.0/8", "5.0.0.0/8", "6.0.0.0/8"));
        SurveyScope s = Scopes.parse(m);
        assertThat(s.addressCount()).isEqualTo(6L << 24);
        long started = System.nanoTime();
        List<AddressRange> items = s.workItems();
        assertThat(items).hasSize(6 << 16);
        assertThat(items.get(items.size() - 1).text()).isEqualTo("6.255.255.0/24");
        assertThat(s.workItemStream().skip(65536).findFirst()).hasValueSatisfying(r ->
                assertThat(r.text()).isEqualTo("2.0.0.0/24"));
        assertThat(s.workItemStream().limit(3).map(AddressRange::text).toList())
                .containsExactly("1.0.0.0/24", "1.0.1.0/24", "1.0.2.0/24");
        // Nothing proportional to the address count was built: a few milliseconds, not seconds.
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
    }
}
