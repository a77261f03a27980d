package io.iotseal.server.survey;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scope's blocks (CIDR, ranges, IPv4 and IPv6) and the fingerprint matching rules, without a server. */
class AddressBlocksTest {

    private static InetAddress ip(String text) {
        return AddressBlocks.literal(text).orElseThrow();
    }

    @Test
    void blocksAndRangesOfBothFamilies() {
        AddressBlocks b = AddressBlocks.parse(List.of("127.1.0.0/22", "10.0.0.5-10.0.0.9", "2001:db8::/126", "192.0.2.7"));
        assertThat(b.contains(ip("127.1.3.255"))).isTrue();
        assertThat(b.contains(ip("127.1.4.0"))).isFalse();
        assertThat(b.contains(ip("10.0.0.9"))).isTrue();
        assertThat(b.contains(ip("10.0.0.10"))).isFalse();
        assertThat(b.contains(ip("2001:db8::3"))).isTrue();
        assertThat(b.contains(ip("2001:db8::4"))).isFalse();
        assertThat(b.contains(ip("192.0.2.7"))).isTrue();
        assertThat(b.addressCount()).isEqualTo(1024 + 5 + 4 + 1);
        assertThat(AddressBlocks.parse(List.of("::/0")).addressCount()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void onlyLiteralsNeverNames() {
        assertThat(AddressBlocks.literal("localhost")).isEmpty();
        assertThat(AddressBlocks.literal("300.1.1.1")).isEmpty();
        assertThat(AddressBlocks.literal("fe80::1%eth0")).isEmpty();
        assertThat(AddressBlocks.literal("1:2")).isEmpty();
        assertThatThrownBy(() -> AddressBlocks.parse(List.of("127.0.0.0/33"))).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> AddressBlocks.parse(List.of("10.0.0.9-10.0.0.1"))).hasMessageContaining("range");
        assertThatThrownBy(() -> AddressBlocks.parse(List.of("example.org/24"))).hasMessageContaining("CIDR");
    }

    private static Fingerprint fp(UUID product, String kind, String match, String value, Integer port) {
        return new Fingerprint(UUID.randomUUID(), product, kind, match, value, port, "test", OffsetDateTime.now());
    }

    @Test
    void exactBeatsPrefixThenTheLongerValueAndTiesMatchNothing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        FingerprintMatcher m = new FingerprintMatcher(List.of(fp(a, "HTTP_TITLE", "PREFIX", "Acme NetCam 200 long", null),
                fp(b, "HTTP_TITLE", "EXACT", "Acme NetCam 200 long title", 80), fp(c, "HTTP_TITLE", "PREFIX", "Acme", null),
                fp(c, "BANNER", "PREFIX", "Zeta", null), fp(a, "BANNER", "PREFIX", "Zeta", null)));
        var seen = new Observation.Seen("HTTP_TITLE", 80, "Acme NetCam 200 long title");
        assertThat(m.match(List.of(seen)).match().orElseThrow().productId()).isEqualTo(b);
        var otherPort = new Observation.Seen("HTTP_TITLE", 8080, "Acme NetCam 200 long title");
        assertThat(m.match(List.of(otherPort)).match().orElseThrow().productId()).as("the longer prefix").isEqualTo(a);
        var tie = m.match(List.of(new Observation.Seen("BANNER", 23, "Zeta login:")));
        assertThat(tie.match()).isEmpty();
        assertThat(tie.ambiguous()).isTrue();
        assertThat(m.match(List.of(new Observation.Seen("UPNP_MODEL", null, "Acme")))).isEqualTo(FingerprintMatcher.Result.NONE);
    }
}
