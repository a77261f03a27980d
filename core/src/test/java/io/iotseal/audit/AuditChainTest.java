package io.iotseal.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditChain.link(i, Instant.parse("2026-11-22T03:00:00.123456Z").plusSeconds(i), "user:" + i,
                    "product.update", "product", "p" + i, "{\"name\":\"before " + i + "\",\"a\":1}",
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
    void timeIsCutToMillisAndJsonIsCanonical() {
        AuditEntry e = chain(1).get(0);
        assertThat(e.at()).isEqualTo(Instant.parse("2026-11-22T03:00:01.123Z"));
        assertThat(e.after()).isEqualTo("{\"a\":1,\"name\":\"after 1\"}");
        // The hash recomputed here from the entry's canonical JSON written out by hand, not by the code under test.
        String preimage = "{\"action\":\"product.update\",\"actor\":\"user:1\",\"after\":{\"a\":1,\"name\":\"after 1\"},"
                + "\"at\":\"2026-11-22T03:00:01.123Z\",\"before\":{\"a\":1,\"name\":\"before 1\"},\"entityId\":\"p1\","
                + "\"entityType\":\"product\",\"prevHash\":\"" + "0".repeat(64) + "\",\"seq\":1}";
        assertThat(e.hash()).isEqualTo(sha256Hex(preimage));
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void changedContentIsReportedAtTheChangedEntry() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(third.seq(), third.at(), "user:mallory", third.action(), third.entityType(),
                third.entityId(), third.before(), third.after(), third.prevHash(), third.hash()));
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
    void canonicalJsonSortsNestedKeys() {
        assertThat(CanonicalJson.canonicalize("{\"b\":[{\"y\":1,\"x\":\"<'\\\"\"}],\"a\":null}"))
                .isEqualTo("{\"a\":null,\"b\":[{\"x\":\"<'\\\"\",\"y\":1}]}");
    }
}
