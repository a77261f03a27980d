package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.label.credential.LabelCredential;
import io.iotseal.label.jose.Base64Url;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.qr.QrCodes;
import io.iotseal.label.qr.QrToken;
import io.iotseal.label.status.LabelState;
import io.iotseal.label.status.StatusListCredential;
import io.iotseal.label.status.StatusLists;
import io.iotseal.label.status.StatusPurpose;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import io.iotseal.label.verify.Verification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LabelVerifierTest {
    private final SigningKey key = TestLabels.key();
    private final LabelVerifier verifier = new LabelVerifier(TestLabels.trusting(key));
    private final Label label = TestLabels.star1();
    private final String credential = LabelCredential.sign(label, TestLabels.URLS, key);
    private final String qr = QrToken.issue(label, TestLabels.URLS, key);
    private final Instant now = Instant.parse("2027-06-01T12:00:00Z");

    private String list(StatusPurpose purpose, StatusLists lists, SigningKey signer, Instant issued) {
        return StatusListCredential.sign(TestLabels.URLS.statusListUrl(purpose), TestLabels.URLS.issuer(), purpose,
                lists.list(purpose), issued, Duration.ofDays(7), Duration.ofMinutes(5), signer);
    }

    private List<String> lists(StatusLists lists) {
        return List.copyOf(lists.sign(TestLabels.URLS, now.minus(Duration.ofHours(1)), Duration.ofDays(7),
                Duration.ofMinutes(5), key).values());
    }

    @Test
    void anIssuedCredentialVerifiesWithItsFacts() {
        Verification result = verifier.verifyCredential(credential, lists(StatusLists.empty(131_072)), now);

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.VALID);
        assertThat(result.statusChecked()).isTrue();
        LabelFacts facts = result.facts().orElseThrow();
        assertThat(facts.registrationNumber()).isEqualTo("JC-STAR-STAR-1-A0012345");
        assertThat(facts.level()).isEqualTo("jc-star:star-1");
        assertThat(facts.productName()).containsEntry("ja", "ホームカメラ HC-200");
        assertThat(facts.models()).containsExactly("HC-200", "HC-200W");
        assertThat(facts.validFrom()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        // JC-STAR: at most two years; the support period (2031) is later.
        assertThat(facts.validUntil()).isEqualTo(Instant.parse("2028-11-22T23:59:59Z"));
        assertThat(facts.kid()).isEqualTo(key.kid());
    }

    @Test
    void theQrTextAndTheRenderedPngVerify() throws Exception {
        assertThat(verifier.verifyQrText(qr, List.of(), now).verdict()).isEqualTo(Verdict.VALID);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(QrCodes.image(qr, 4), "png", png);
        Verification fromImage = verifier.verifyImage(png.toByteArray(), List.of(), now);
        assertThat(fromImage.verdict()).as(fromImage.reason()).isEqualTo(Verdict.VALID);
        assertThat(fromImage.facts().orElseThrow().id()).isEqualTo(label.id());
    }

    @Test
    void everyOneByteChangeOfTheCredentialFails() {
        for (int i = 0; i < credential.length(); i++) {
            char c = credential.charAt(i);
            char changed = c == 'A' ? 'B' : c == '.' ? 'x' : 'A';
            String tampered = credential.substring(0, i) + changed + credential.substring(i + 1);
            Verification result = verifier.verifyCredential(tampered, List.of(), now);
            assertThat(result.verdict()).as("change at %d: %s", i, result.reason()).isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void everyOneCharacterChangeOfTheQrTokenFails() {
        int start = qr.lastIndexOf('/') + 1;
        for (int i = start; i < qr.length(); i++) {
            char changed = qr.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = qr.substring(0, i) + changed + qr.substring(i + 1);
            assertThat(verifier.verifyQrText(tampered, List.of(), now).verdict()).as("change at %d", i)
                    .isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void aChangedClaimWithTheOriginalSignatureFails() {
        String[] parts = credential.split("\\.");
        String payload = new String(Base64Url.decode(parts[1], "payload"), StandardCharsets.UTF_8)
                .replace("HC-200W", "HC-900W");
        String forged = parts[0] + "." + Base64Url.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(verifier.verifyCredential(forged, List.of(), now).reason()).contains("signature does not verify");
    }

    @Test
    void aGenuineTokenBehindALookalikeDomainFailsWhenThePageBaseIsKnown() {
        String lookalike = qr.replace("https://registry.example.org/l/", "https://registry-example.org/l/");
        assertThat(verifier.verifyQrText(lookalike, List.of(), now).verdict()).isEqualTo(Verdict.VALID);
        var strict = new LabelVerifier(TestLabels.trusting(key), TestLabels.URLS.labelPageBase());
        assertThat(strict.verifyQrText(qr, List.of(), now).verdict()).isEqualTo(Verdict.VALID);
        assertThat(strict.verifyQrText(lookalike, List.of(), now).reason()).contains("outside https://registry.example.org/l/");
    }

    @Test
    void anUnknownKeyFails() {
        LabelVerifier other = new LabelVerifier(TestLabels.trusting(TestLabels.key()));
        assertThat(other.verifyCredential(credential, List.of(), now).reason()).contains("not in the trusted JWKS");
        assertThat(other.verifyQrText(qr, List.of(), now).reason()).contains("not in the trusted JWKS");
    }

    @Test
    void algNoneAlgorithmConfusionAndWrongTypFail() {
        String[] parts = credential.split("\\.");
        String none = header("{\"alg\":\"none\",\"kid\":\"" + key.kid() + "\",\"typ\":\"vc+jwt\"}") + "." + parts[1] + ".";
        assertThat(verifier.verifyCredential(none, List.of(), now).reason()).contains("not allowed");
        String noneSigned = header("{\"alg\":\"none\",\"kid\":\"" + key.kid() + "\",\"typ\":\"vc+jwt\"}") + "." + parts[1]
                + "." + parts[2];
        assertThat(verifier.verifyCredential(noneSigned, List.of(), now).reason()).contains("not allowed");
        // HS256 with the public key as the HMAC secret is the classic confusion attack.
        String hs = header("{\"alg\":\"HS256\",\"kid\":\"" + key.kid() + "\",\"typ\":\"vc+jwt\"}") + "." + parts[1] + "."
                + parts[2];
        assertThat(verifier.verifyCredential(hs, List.of(), now).reason()).contains("not allowed");
        String jwt = header("{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\",\"typ\":\"JWT\"}") + "." + parts[1] + "."
                + parts[2];
        assertThat(verifier.verifyCredential(jwt, List.of(), now).reason()).contains("typ must be 'vc+jwt'");
        String embeddedKey = header("{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\",\"typ\":\"vc+jwt\",\"jwk\":{}}") + "."
                + parts[1] + "." + parts[2];
        assertThat(verifier.verifyCredential(embeddedKey, List.of(), now).reason()).contains("'jwk' is not accepted");
    }

    private static String header(String json) {
        return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void expiryAndNotYetValidFollowTheClock() {
        Instant afterExpiry = Instant.parse("2028-11-23T00:00:00Z");
        assertThat(verifier.verifyCredential(credential, List.of(), Instant.parse("2028-11-22T23:59:59Z")).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(verifier.verifyCredential(credential, List.of(), afterExpiry).verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(verifier.verifyQrText(qr, List.of(), afterExpiry).verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(verifier.verifyCredential(credential, List.of(), Instant.parse("2026-11-21T23:00:00Z")).reason())
                .contains("not valid before");
    }

    @Test
    void suspensionIsReversibleAndRevocationWins() {
        Instant t = now.minusSeconds(60);
        LabelState state = LabelState.issued(t);
        StatusLists lists = StatusLists.empty(131_072);
        LabelState suspended = state.suspend("vulnerability CVE-2026-0001 unpatched", t);
        StatusLists afterSuspend = lists.apply(label.statusIndex(), suspended);
        assertThat(verifier.verifyCredential(credential, lists(afterSuspend), now).verdict()).isEqualTo(Verdict.SUSPENDED);
        assertThat(verifier.verifyQrText(qr, lists(afterSuspend), now).verdict()).isEqualTo(Verdict.SUSPENDED);

        StatusLists reinstated = afterSuspend.apply(label.statusIndex(), suspended.reinstate("patched in 2.1.4", t));
        assertThat(verifier.verifyCredential(credential, lists(reinstated), now).verdict()).isEqualTo(Verdict.VALID);

        StatusLists revoked = reinstated.apply(label.statusIndex(), state.revoke("false declaration", t));
        assertThat(verifier.verifyCredential(credential, lists(revoked), now).verdict()).isEqualTo(Verdict.REVOKED);
        // A later "active" state cannot clear the revocation bit.
        StatusLists stillRevoked = revoked.apply(label.statusIndex(), LabelState.issued(t));
        assertThat(verifier.verifyQrText(qr, lists(stillRevoked), now).verdict()).isEqualTo(Verdict.REVOKED);
        // Another label's bit does not affect this one.
        StatusLists other = StatusLists.empty(131_072).apply(label.statusIndex() + 1, state.revoke("x", t));
        assertThat(verifier.verifyCredential(credential, lists(other), now).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aSnapshotOfVerifiedListsServesManyChecksUntilItGoesStale() throws Exception {
        StatusLists suspended = StatusLists.empty(131_072).apply(label.statusIndex(),
                LabelState.issued(now).suspend("under review", now));
        var snapshot = io.iotseal.label.verify.StatusSnapshot.read(lists(suspended), TestLabels.trusting(key), now);
        assertThat(verifier.verifyQrText(qr, snapshot, now).verdict()).isEqualTo(Verdict.SUSPENDED);
        assertThat(verifier.verifyCredential(credential, snapshot, now.plus(Duration.ofDays(1))).verdict())
                .isEqualTo(Verdict.SUSPENDED);
        assertThat(verifier.verifyCredential(credential, snapshot, now.plus(Duration.ofDays(8))).reason())
                .contains("fetch a current one");
    }

    @Test
    void aStatusListThatFailsItsSignatureOrIsStaleIsNotUsed() {
        StatusLists revoked = StatusLists.empty(131_072).apply(label.statusIndex(), LabelState.issued(now).revoke("x", now));
        String byStranger = list(StatusPurpose.REVOCATION, revoked, TestLabels.key(), now.minusSeconds(10));
        Verification result = verifier.verifyCredential(credential, List.of(byStranger), now);
        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.reason()).startsWith("status list:").contains("not in the trusted JWKS");

        String good = list(StatusPurpose.SUSPENSION, StatusLists.empty(131_072), key, now.minusSeconds(10));
        String tampered = good.substring(0, good.length() - 5) + (good.charAt(good.length() - 5) == 'A' ? 'B' : 'A')
                + good.substring(good.length() - 4);
        assertThat(verifier.verifyCredential(credential, List.of(tampered), now).verdict()).isEqualTo(Verdict.INVALID);

        String stale = list(StatusPurpose.SUSPENSION, StatusLists.empty(131_072), key, now.minus(Duration.ofDays(8)));
        assertThat(verifier.verifyCredential(credential, List.of(stale), now).reason()).contains("fetch a current one");
    }

    @Test
    void garbledAndOversizedInputIsInvalidNotACrash() {
        for (String garbage : new String[] {"", "   ", "hello", "https://registry.example.org/l/", "https://x/l/AAAA",
                "https://registry.example.org/l/" + "A".repeat(2000), "https://registry.example.org/l/1!*",
                "https://registry.example.org/l/" + "7".repeat(400), qr.substring(0, qr.length() - 10), "\u0000\uFFFF"}) {
            assertThat(verifier.verifyQrText(garbage, List.of(), now).verdict()).as(garbage).isEqualTo(Verdict.INVALID);
        }
        for (String garbage : new String[] {"", "a.b.c", "..", "e30.e30.", credential + credential, "x".repeat(100_000),
                "eyJhbGciOiJFZERTQSJ9.bnVsbA.AAAA"}) {
            assertThat(verifier.verifyCredential(garbage, List.of(), now).verdict()).isEqualTo(Verdict.INVALID);
        }
        assertThat(verifier.verifyImage(new byte[] {1, 2, 3}, List.of(), now).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(verifier.verifyCredential(credential, List.of("garbage"), now).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void withOneStatusListTheVerdictClaimsOnlyThatPurposeAndNamesTheOther() {
        StatusLists revoked = StatusLists.empty(131_072).apply(label.statusIndex(),
                LabelState.issued(now).revoke("false declaration", now));
        String suspensionOnly = list(StatusPurpose.SUSPENSION, revoked, key, now.minusSeconds(10));
        for (Verification result : List.of(verifier.verifyCredential(credential, List.of(suspensionOnly), now),
                verifier.verifyQrText(qr, List.of(suspensionOnly), now))) {
            // The label is revoked, but only the suspension list was given: no claim about revocation.
            assertThat(result.reason()).doesNotContain("neither revoked").contains("not suspended")
                    .contains("revocation not checked");
            assertThat(result.statusChecked()).isFalse();
            assertThat(result.statusesChecked()).containsExactly(StatusPurpose.SUSPENSION);
        }
        StatusLists suspended = StatusLists.empty(131_072).apply(label.statusIndex(),
                LabelState.issued(now).suspend("under review", now));
        Verification onlySuspension = verifier.verifyCredential(credential,
                List.of(list(StatusPurpose.SUSPENSION, suspended, key, now.minusSeconds(10))), now);
        assertThat(onlySuspension.verdict()).isEqualTo(Verdict.SUSPENDED);
        assertThat(onlySuspension.reason()).contains("revocation not checked");
        assertThat(onlySuspension.statusChecked()).isFalse();

        Verification onlyRevocation = verifier.verifyQrText(qr,
                List.of(list(StatusPurpose.REVOCATION, suspended, key, now.minusSeconds(10))), now);
        assertThat(onlyRevocation.verdict()).isEqualTo(Verdict.VALID);
        assertThat(onlyRevocation.reason()).contains("not revoked").contains("suspension not checked");
        assertThat(onlyRevocation.statusChecked()).isFalse();

        Verification both = verifier.verifyCredential(credential, lists(StatusLists.empty(131_072)), now);
        assertThat(both.reason()).contains("neither revoked nor suspended");
        assertThat(both.statusChecked()).isTrue();
    }

    @Test
    void aRetiredKeySignsNoStatusListDatedAfterItsRetirement() {
        Instant retirement = Instant.parse("2027-01-01T00:00:00Z");
        SigningKey newer = SigningKey.generate(retirement);
        TrustedKeys published = TrustedKeys.fromJwks(new TrustedKeys(List.of(key.verificationKey().retiredAt(retirement),
                newer.verificationKey())).toJwks());
        LabelVerifier rotated = new LabelVerifier(published);
        // A list the old key signed after its retirement (an old key's holder hiding a revocation, say) counts for nothing.
        String late = list(StatusPurpose.REVOCATION, StatusLists.empty(131_072), key, now.minusSeconds(10));
        Verification result = rotated.verifyCredential(credential, List.of(late), now);
        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.reason()).startsWith("status list:").contains("was retired");
        assertThat(rotated.verifyQrText(qr, List.of(late), now).verdict()).isEqualTo(Verdict.INVALID);
        // One it signed before its retirement still counts while valid; one by its successor always does.
        Instant beforeRetirement = retirement.minus(Duration.ofDays(1));
        String early = list(StatusPurpose.REVOCATION, StatusLists.empty(131_072), key, beforeRetirement.minusSeconds(60));
        assertThat(rotated.verifyCredential(credential, List.of(early), beforeRetirement).verdict()).isEqualTo(Verdict.VALID);
        String current = list(StatusPurpose.REVOCATION, StatusLists.empty(131_072), newer, now.minusSeconds(10));
        assertThat(rotated.verifyCredential(credential, List.of(current), now).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void productNamesComeInTheOrderOfTheirLanguageTags() {
        java.util.Map<String, String> names = java.util.Map.of("ja", "カメラ", "en", "Camera", "de", "Kamera",
                "fr", "Caméra", "zh", "相机", "ko", "카메라", "es", "Cámara", "it", "Fotocamera");
        LabelFacts facts = new LabelFacts("ID", "REG", "jc-star:star-1", "Vendor", names, List.of("M1"), 0, List.of(),
                0, now, now, 1, null, "kid");
        assertThat(facts.productName().keySet()).containsExactly("de", "en", "es", "fr", "it", "ja", "ko", "zh");
    }

    @Test
    void aKeyRotatedOutStillVerifiesOldLabelsButRemovingItFails() {
        SigningKey newer = SigningKey.generate(Instant.parse("2027-01-01T00:00:00Z"));
        TrustedKeys rotated = new TrustedKeys(List.of(
                key.verificationKey().retiredAt(Instant.parse("2027-01-01T00:00:00Z")), newer.verificationKey()));
        TrustedKeys published = TrustedKeys.fromJwks(rotated.toJwks());
        assertThat(new LabelVerifier(published).verifyCredential(credential, List.of(), now).verdict())
                .isEqualTo(Verdict.VALID);
        // The retired key must not have signed anything valid from after its retirement.
        Label later = LabelIssuer.issue(TestLabels.scheme("jc-star"), "star-1", "LATER1", "A1", TestLabels.camera(),
                java.time.LocalDate.of(2027, 3, 1), 7);
        assertThat(new LabelVerifier(published).verifyCredential(LabelCredential.sign(later, TestLabels.URLS, key),
                List.of(), now).reason()).contains("was retired");
        TrustedKeys removed = new TrustedKeys(List.of(newer.verificationKey()));
        assertThat(new LabelVerifier(removed).verifyCredential(credential, List.of(), now).verdict())
                .isEqualTo(Verdict.INVALID);
    }
}
