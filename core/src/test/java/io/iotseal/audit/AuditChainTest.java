package io.iotseal.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain's format (ADR 0023, ADR 0066), pinned by fixed vectors whose hashes were computed
 * outside this code (sha256sum over the literal text; format 2 also by Python's json.dumps with sorted
 * keys), and the verifier's findings on changed, removed, reordered and re-formatted entries.
 */
class AuditChainTest {

    private static final String AFTER = "{ \"version\": 2, \"ratio\": 1.5e10, \"name\": \"Acme\\u001f \u20ac\" }";

    /** The same entry in either format: a control character, a double and non-ASCII text tell the formats apart. */
    private static AuditEntry vector(int format) {
        return AuditChain.link(format, 7, Instant.parse("2026-11-22T03:00:01.123456Z"), "user:\u00e5lice",
                "organization.update", "organization", "o1", null, AFTER, AuditChain.GENESIS);
    }

    @Test
    void format1IsSortedKeysWithJacksonsEscapingAndNumbers() {
        AuditEntry e = vector(AuditChain.FORMAT_SORTED_KEYS);
        assertThat(e.after()).isEqualTo("{\"name\":\"Acme\\u001F \u20ac\",\"ratio\":1.5E10,\"version\":2}");
        assertThat(AuditChain.hashedText(e)).isEqualTo("{\"action\":\"organization.update\",\"actor\":\"user:\u00e5lice\","
                + "\"after\":{\"name\":\"Acme\\u001F \u20ac\",\"ratio\":1.5E10,\"version\":2},"
                + "\"at\":\"2026-11-22T03:00:01.123Z\",\"before\":null,\"entityId\":\"o1\",\"entityType\":\"organization\","
                + "\"prevHash\":\"" + AuditChain.GENESIS + "\",\"seq\":7}");
        assertThat(e.hash()).isEqualTo("ecc148a872d722097868be09ebd19f97f32495c1f55a70eb628b4a9110f8b6b9");
    }

    @Test
    void format2IsRfc8785WithTheFormatHashedToo() {
        AuditEntry e = vector(AuditChain.FORMAT_RFC8785);
        assertThat(e.after()).isEqualTo("{\"name\":\"Acme\\u001f \u20ac\",\"ratio\":15000000000,\"version\":2}");
        assertThat(AuditChain.hashedText(e)).isEqualTo("{\"action\":\"organization.update\",\"actor\":\"user:\u00e5lice\","
                + "\"after\":{\"name\":\"Acme\\u001f \u20ac\",\"ratio\":15000000000,\"version\":2},"
                + "\"at\":\"2026-11-22T03:00:01.123Z\",\"before\":null,\"entityId\":\"o1\",\"entityType\":\"organization\","
                + "\"format\":2,\"prevHash\":\"" + AuditChain.GENESIS + "\",\"seq\":7}");
        assertThat(e.hash()).isEqualTo("7b0abafcebf139189ed931a33a0fb0b2d20d09484cdfc9b45236f2714ddee284");
        assertThat(AuditChain.link(7, e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), null, AFTER,
                AuditChain.GENESIS)).as("new entries are written in format 2").isEqualTo(e);
    }

    @Test
    void rfc8785ExampleFromTheRfc() {
        // RFC 8785 section 3.2.2/3.2.3: the sample input and its canonical output.
        String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";
        assertThat(Rfc8785Json.canonicalize(input)).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void rfc8785RefusesIntegersADoubleCannotHold() {
        assertThat(Rfc8785Json.canonicalize("{\"n\":9007199254740991}")).isEqualTo("{\"n\":9007199254740991}");
        assertThatThrownBy(() -> Rfc8785Json.canonicalize("{\"a\":[{\"n\":9007199254740993}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.a[0].n");
    }

    private static List<AuditEntry> chain(int n, int... formats) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            int format = formats.length == 0 ? AuditChain.CURRENT_FORMAT : formats[i - 1];
            AuditEntry e = AuditChain.link(format, i, Instant.parse("2026-11-22T03:00:00.123456Z").plusSeconds(i),
                    "user:" + i, "product.update", "product", "p" + i, "{\"name\":\"before " + i + "\",\"a\":1}",
                    "{ \"a\" : 1, \"name\" : \"after " + i + "\" }", prev);
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    @Test
    void intactChainVerifies() {
        AuditChainVerifier.Result result = AuditChainVerifier.verify(chain(5));
        assertThat(result.ok()).isTrue();
        assertThat(result.verified()).isEqualTo(5);
    }

    @Test
    void aChainWrittenInFormat1KeepsVerifyingAndContinuesInFormat2() {
        AuditChainVerifier.Result result = AuditChainVerifier.verify(chain(4, 1, 1, 2, 2));
        assertThat(result.ok()).isTrue();
        assertThat(result.verified()).isEqualTo(4);
    }

    @Test
    void formatsNeverGoBack() {
        List<AuditEntry> entries = chain(3, 1, 2, 1);
        AuditChainVerifier.Result result = AuditChainVerifier.verify(entries);
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(3);
        assertThat(result.failure().orElseThrow().reason()).contains("formats never go back");
    }

    @Test
    void anEntryRelabelledWithAnotherFormatNoLongerMatchesItsHash() {
        List<AuditEntry> entries = chain(3, 1, 1, 2);
        AuditEntry second = entries.get(1);
        entries.set(1, new AuditEntry(second.seq(), second.at(), second.actor(), second.action(), second.entityType(),
                second.entityId(), second.before(), second.after(), second.prevHash(), second.hash(), 2));
        AuditChainVerifier.Result result = AuditChainVerifier.verify(entries);
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(2);
        assertThat(result.failure().orElseThrow().reason()).contains("content");
    }

    @Test
    void anUnknownFormatIsReportedAsSuch() {
        List<AuditEntry> entries = chain(2);
        AuditEntry second = entries.get(1);
        entries.set(1, new AuditEntry(second.seq(), second.at(), second.actor(), second.action(), second.entityType(),
                second.entityId(), second.before(), second.after(), second.prevHash(), second.hash(), 3));
        assertThat(AuditChainVerifier.verify(entries).failure().orElseThrow().reason()).contains("unknown format 3");
    }

    @Test
    void changedContentIsReportedAtTheChangedEntry() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(third.seq(), third.at(), "user:mallory", third.action(), third.entityType(),
                third.entityId(), third.before(), third.after(), third.prevHash(), third.hash(), third.format()));
        AuditChainVerifier.Result result = AuditChainVerifier.verify(entries);
        assertThat(result.ok()).isFalse();
        assertThat(result.verified()).isEqualTo(2);
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(3);
        assertThat(result.failure().orElseThrow().reason()).contains("content");
    }

    @Test
    void rehashedEntryStillBreaksTheNextLink() {
        List<AuditEntry> entries = chain(4);
        AuditEntry second = entries.get(1);
        AuditEntry forged = AuditChain.link(second.seq(), second.at(), second.actor(), second.action(),
                second.entityType(), second.entityId(), second.before(), "{\"name\":\"forged\"}", second.prevHash());
        entries.set(1, forged);
        AuditChainVerifier.Result result = AuditChainVerifier.verify(entries);
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(3);
        assertThat(result.failure().orElseThrow().reason()).contains("previous hash");
    }

    @Test
    void removedEntryIsAGap() {
        List<AuditEntry> entries = chain(4);
        entries.remove(1);
        AuditChainVerifier.Result result = AuditChainVerifier.verify(entries);
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(3);
        assertThat(result.failure().orElseThrow().reason()).contains("gap");
    }

    @Test
    void sortedKeysJsonSortsNestedKeys() {
        assertThat(SortedKeysJson.canonicalize("{\"b\":[{\"y\":1,\"x\":\"<'\\\"\"}],\"a\":null}"))
                .isEqualTo("{\"a\":null,\"b\":[{\"x\":\"<'\\\"\",\"y\":1}]}");
    }
}
