package io.iotseal.server.survey.owner;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser's caps and edge cases that the API test does not reach cheaply (ADR 0106). */
class OwnerFileParserTest {

    @Test
    void aFileLongerThanTheLineCapIsRefusedAtTheFirstLineTooMany() throws Exception {
        List<OwnerBlock> blocks = new ArrayList<>();
        String text = "192.0.2.0/24 64500\n".repeat(5);
        OwnerFileParser.Result r = OwnerFileParser.parse(SourceKind.ROUTES, new StringReader(text), 3, blocks::add);
        assertThat(r.errors()).extracting(OwnerFileParser.LineError::line).containsExactly(4);
        assertThat(r.errors().get(0).message()).contains("more than 3 lines");
    }

    @Test
    void errorsStopAtTheirCapAndNothingReachesTheSinkAfterTheFirst() throws Exception {
        List<OwnerBlock> blocks = new ArrayList<>();
        String text = "192.0.2.0/24 64500\nbad\n192.0.2.0/24 64500\n" + "bad\n".repeat(100);
        OwnerFileParser.Result r = OwnerFileParser.parse(SourceKind.ROUTES, new StringReader(text), 1000, blocks::add);
        assertThat(r.errors()).hasSize(OwnerFileParser.MAX_ERRORS);
        assertThat(blocks).hasSize(1);
    }

    @Test
    void addressesOfBothFamiliesShareOneSpaceAndNamesAreNeverResolved() {
        assertThat(Addresses.parse("0.0.0.0")).isEqualTo(Addresses.V4_BASE);
        assertThat(Addresses.parse("::ffff:0.0.0.1")).isEqualTo(Addresses.V4_BASE.add(BigInteger.ONE));
        assertThat(Addresses.parse("::1")).isEqualTo(BigInteger.ONE);
        assertThat(Addresses.parse("localhost")).isNull();
        assertThat(Addresses.parse("192.0.2.01")).isNull();
        assertThat(Addresses.parse("256.0.0.1")).isNull();
        assertThat(Addresses.parse("1:2:3")).isNull();
        assertThat(Addresses.prefix("192.0.2.0/24").size()).isEqualTo(BigInteger.valueOf(256));
        assertThat(Addresses.prefix("192.0.2.1/24")).isNull();
        assertThat(Addresses.prefix("2001:db8::/129")).isNull();
        assertThat(Addresses.prefix("::/0").last()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    }

    @Test
    void anRirRangeIsStoredAsThePrefixesThatMakeItUp() {
        BigInteger start = Addresses.parse("195.85.96.0");
        assertThat(Addresses.cidrs(Addresses.v4Count(start, 1536))).extracting(r -> r.size().intValue())
                .containsExactly(1024, 512);
        BigInteger odd = Addresses.parse("196.4.163.0");
        assertThat(Addresses.cidrs(Addresses.v4Count(odd, 768))).extracting(r -> r.first())
                .containsExactly(odd, Addresses.parse("196.4.164.0"));
        assertThat(Addresses.cidrs(Addresses.v4Count(Addresses.parse("0.0.0.0"), 1L << 32))).hasSize(1);
        assertThat(Addresses.cidrs(Addresses.prefix("::/0"))).hasSize(1);
        assertThat(Addresses.candidates(Addresses.parse("192.0.2.200"))).contains(Addresses.parse("192.0.2.128"),
                Addresses.parse("192.0.2.0"), BigInteger.ZERO).hasSize(129);
    }
}
