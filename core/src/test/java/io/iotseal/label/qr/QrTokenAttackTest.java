package io.iotseal.label.qr;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.label.TestLabels;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import io.iotseal.label.verify.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made COSE tokens, correctly signed by a trusted key, that must still be refused. */
class QrTokenAttackTest {
    private static final String BASE = "https://registry.example.org/l/";
    private final SigningKey key = TestLabels.key();
    private final LabelVerifier verifier = new LabelVerifier(TestLabels.trusting(key));
    private final Instant now = Instant.parse("2027-01-01T00:00:00Z");

    private byte[] claims() {
        Cbor.Writer w = new Cbor.Writer().map(10);
        w.integer(1).text("L1").integer(2).text("JC-STAR-STAR-1-A1").integer(3).text("jc-star:star-1");
        w.integer(4).text("Vendor").integer(5).text("Camera").integer(6).array(1).text("HC-1");
        w.integer(8).array(0).integer(9).integer(20_000).integer(10).integer(21_000).integer(11).integer(5);
        return w.toBytes();
    }

    private byte[] protectedHeader(long alg) {
        return new Cbor.Writer().map(2).integer(1).integer(alg).integer(4)
                .bytes(key.kid().getBytes(StandardCharsets.US_ASCII)).toBytes();
    }

    private String token(byte[] protectedHeader, byte[] unprotected, byte[] payload, long tag) {
        byte[] toSign = new Cbor.Writer().array(4).text("Signature1").bytes(protectedHeader).bytes(new byte[0])
                .bytes(payload).toBytes();
        Cbor.Writer w = new Cbor.Writer().tag(tag).array(4).bytes(protectedHeader);
        byte[] head = w.toBytes();
        byte[] rest = new Cbor.Writer().bytes(payload).bytes(key.sign(toSign)).toBytes();
        byte[] all = new byte[head.length + unprotected.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(unprotected, 0, all, head.length, unprotected.length);
        System.arraycopy(rest, 0, all, head.length + unprotected.length, rest.length);
        return BASE + Base32.encode(all);
    }

    private Verification verify(String qr) {
        return verifier.verifyQrText(qr, List.of(), now);
    }

    @Test
    void aWellFormedHandMadeTokenVerifiesSoTheAttacksBelowAreMeaningful() {
        Verification ok = verify(token(protectedHeader(-8), new Cbor.Writer().map(0).toBytes(), claims(), 18));
        assertThat(ok.verdict()).as(ok.reason()).isEqualTo(Verdict.VALID);
        assertThat(verify(token(protectedHeader(-8), new Cbor.Writer().map(0).toBytes(), claims(), 18).toLowerCase()
                .replace("https://registry.example.org/l/", BASE)).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void otherAlgorithmsUnprotectedParametersAndOtherTagsAreRefused() {
        byte[] empty = new Cbor.Writer().map(0).toBytes();
        assertThat(verify(token(protectedHeader(-7), empty, claims(), 18)).reason()).contains("not allowed");
        byte[] unprotectedKid = new Cbor.Writer().map(1).integer(1).integer(-8).toBytes();
        assertThat(verify(token(protectedHeader(-8), unprotectedKid, claims(), 18)).reason())
                .contains("unprotected header");
        assertThat(verify(token(protectedHeader(-8), empty, claims(), 98)).reason()).contains("not a COSE_Sign1");
    }

    @Test
    void malformedCborInsideAValidSignatureIsInvalidNotACrash() {
        byte[] empty = new Cbor.Writer().map(0).toBytes();
        byte[] duplicateKeys = new Cbor.Writer().map(2).integer(1).text("a").integer(1).text("b").toBytes();
        byte[] notAMap = new Cbor.Writer().array(1).integer(1).toBytes();
        byte[] wrongTypes = new Cbor.Writer().map(1).integer(1).integer(7).toBytes();
        byte[] indefinite = {(byte) 0xbf, 0x01, 0x02, (byte) 0xff};
        for (byte[] payload : List.of(duplicateKeys, notAMap, wrongTypes, indefinite, new byte[0])) {
            assertThat(verify(token(protectedHeader(-8), empty, payload, 18)).verdict()).isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void theRegistryFindsALowerCasedTokenByItsLabelIdAndComparesBytesNotText() {
        String token = QrToken.tokenOf(token(protectedHeader(-8), new byte[] {(byte) 0xA0}, claims(), 18));
        String lower = token.toLowerCase(java.util.Locale.ROOT);
        assertThat(verifier.verifyQrText(BASE + lower, List.of(), now).verdict()).isEqualTo(Verdict.VALID);
        assertThat(QrToken.labelIdOf(lower)).contains("L1");
        assertThat(QrToken.sameToken(lower, token)).isTrue();
        // Only ASCII letters fold: a dotless i or a long s is not a base32 letter.
        int i = token.indexOf('I');
        if (i >= 0) {
            assertThat(QrToken.sameToken(token.substring(0, i) + '\u0131' + token.substring(i + 1), token)).isFalse();
        }
        assertThat(QrToken.sameToken(token.replace('S', '\u017F'), token)).isEqualTo(token.indexOf('S') < 0);
        assertThat(QrToken.labelIdOf("not a token")).isEmpty();
        assertThat(QrToken.labelIdOf("A".repeat(2000))).isEmpty();
    }
}
