package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.label.keys.KeystoreKeyManager;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreKeyManagerTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    @TempDir Path dir;

    @Test
    void createsAnOwnerOnlyKeystoreWithOneKeyOnFirstUse() throws Exception {
        Path path = dir.resolve("secrets/labels.p12");
        KeystoreKeyManager keys = KeystoreKeyManager.open(path, PASSWORD, true, clock);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
        assertThat(keys.publicKeys().keys()).hasSize(1);
        SigningKey active = keys.active();
        SigningKey reopened = KeystoreKeyManager.open(path, PASSWORD, false, clock).active();
        assertThat(reopened.kid()).isEqualTo(active.kid());
        byte[] message = "label".getBytes();
        assertThat(active.verificationKey().verify(message, reopened.sign(message))).isTrue();
    }

    @Test
    void rotationKeepsOldPublicKeysRetiredAndTheJwksHasNoPrivatePart() {
        Path path = dir.resolve("labels.p12");
        KeystoreKeyManager keys = KeystoreKeyManager.open(path, PASSWORD, true, clock);
        String first = keys.active().kid();
        String second = keys.rotate().kid();

        assertThat(second).isNotEqualTo(first);
        TrustedKeys published = KeystoreKeyManager.open(path, PASSWORD, false, clock).publicKeys();
        assertThat(published.keys()).extracting(k -> k.kid()).containsExactly(first, second);
        assertThat(published.find(first).orElseThrow().retired()).isPresent();
        assertThat(published.find(second).orElseThrow().retired()).isEmpty();
        String jwks = published.toJwks();
        assertThat(jwks).contains("\"kty\" : \"OKP\"").doesNotContain("\"d\"");
        assertThat(TrustedKeys.fromJwks(jwks).keys()).isEqualTo(published.keys());

        keys.remove(first);
        assertThat(KeystoreKeyManager.open(path, PASSWORD, false, clock).publicKeys().find(first)).isEmpty();
    }

    @Test
    void removingAMiddleKeyKeepsTheRetirementOfTheKeyBeforeIt() throws Exception {
        Path path = dir.resolve("labels.p12");
        KeystoreKeyManager keys = KeystoreKeyManager.open(path, PASSWORD, true, clock);
        String first = keys.active().kid();
        String second = keys.rotate().kid();
        String third = keys.rotate().kid();
        TrustedKeys before = keys.publicKeys();
        Instant firstRetired = before.find(first).orElseThrow().retired().orElseThrow();
        assertThat(firstRetired).isBefore(before.find(second).orElseThrow().retired().orElseThrow());

        keys.remove(second);
        TrustedKeys after = KeystoreKeyManager.open(path, PASSWORD, false, clock).publicKeys();
        assertThat(after.keys()).extracting(k -> k.kid()).containsExactly(first, third);
        assertThat(after.find(first).orElseThrow().retired()).contains(firstRetired);
        assertThat(after.find(third).orElseThrow().retired()).isEmpty();
        // The tombstone holds no Ed25519 key, so a reader that knows nothing of tombstones skips it.
        java.security.KeyStore raw = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(path)) {
            raw.load(in, PASSWORD);
        }
        long ed25519 = 0;
        for (String alias : java.util.Collections.list(raw.aliases())) {
            if ("Ed25519".equals(raw.getKey(alias, PASSWORD).getAlgorithm())) {
                ed25519++;
            }
        }
        assertThat(raw.size()).isEqualTo(3);
        assertThat(ed25519).isEqualTo(2);
    }

    @Test
    void removingTheNewestKeyLeavesTheKeyBeforeItActiveAndUnretired() {
        Path path = dir.resolve("labels.p12");
        KeystoreKeyManager keys = KeystoreKeyManager.open(path, PASSWORD, true, clock);
        String first = keys.active().kid();
        String second = keys.rotate().kid();
        String third = keys.rotate().kid();
        keys.remove(second);                // a tombstone between first and third
        keys.remove(third);                 // first signs again: the tombstone after it must not retire it
        TrustedKeys reopened = KeystoreKeyManager.open(path, PASSWORD, false, clock).publicKeys();
        assertThat(reopened.find(first).orElseThrow().retired()).isEmpty();
        assertThat(keys.active().kid()).isEqualTo(first);

        SigningKey fourth = keys.rotate();
        assertThat(keys.publicKeys().find(first).orElseThrow().retired()).contains(fourth.verificationKey().created().orElseThrow());
    }

    @Test
    void aWrongPasswordOrMissingFileIsAClearError() {
        Path path = dir.resolve("labels.p12");
        KeystoreKeyManager.open(path, PASSWORD, true, clock);
        assertThatThrownBy(() -> KeystoreKeyManager.open(path, "wrong password".toCharArray(), false, clock))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> KeystoreKeyManager.open(dir.resolve("none.p12"), PASSWORD, false, clock))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TrustedKeys.fromJwks("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\",\"d\":\"AA\"}]}"))
                .hasMessageContaining("keys[0] contains a private key");
        // 32 zero bytes decode to a point of small order: a key that would accept forged signatures.
        assertThatThrownBy(() -> TrustedKeys.fromJwks("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\""
                + "A".repeat(42) + "A\"}]}")).hasMessageContaining("keys[0]: public key is not a valid Ed25519 point");
        assertThatThrownBy(() -> TrustedKeys.fromJwks("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\"}]}"))
                .hasMessageContaining("keys[0].kty must be 'OKP'");
    }
}
