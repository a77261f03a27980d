package io.iotseal.openpgp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our OpenPGP output checked by GnuPG, and GnuPG's output checked by our code (ADR 0098). Each negative case
 * follows its positive control: a changed byte must turn a good result into a failure.
 */
class OpenPgpInteropTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static OpenPgpKeyPair registry;

    @BeforeAll
    static void key() {
        registry = OpenPgpKeyPair.generate("IoTSeal test registry <security@registry.example.org>", NOW, PASSPHRASE);
    }

    @Test
    void gpgVerifiesOurDetachedSignatureAndRefusesAChangedByte() throws Exception {
        try (GnuPg gpg = GnuPg.fresh()) {
            gpg.importKey(registry.publicKey().armored(), null);
            byte[] document = "{\"document\":{\"title\":\"Cam One\"}}".getBytes(StandardCharsets.UTF_8);
            Path data = gpg.file("advisory.json", document);
            Path signature = gpg.file("advisory.json.asc", registry.signDetached(document, NOW).getBytes(StandardCharsets.US_ASCII));

            GnuPg.Result good = gpg.run(null, "--status-fd", "2", "--verify", signature.toString(), data.toString());
            assertThat(good.exit()).as(good.err()).isZero();
            assertThat(good.err()).contains("VALIDSIG " + registry.fingerprint());

            document[3] ^= 1;
            gpg.file("advisory.json", document);
            assertThat(gpg.run(null, "--verify", signature.toString(), data.toString()).exit()).isNotZero();
        }
    }

    @Test
    void gpgVerifiesOurCleartextSignatureAndRefusesAChangedLine() throws Exception {
        try (GnuPg gpg = GnuPg.fresh()) {
            gpg.importKey(registry.publicKey().armored(), null);
            String text = "Contact: mailto:security@registry.example.org\n-----dashes start this line\nExpires: 2027-11-30T00:00:00Z  \n";
            String signed = registry.signCleartext(text, NOW);
            assertThat(signed).startsWith("-----BEGIN PGP SIGNED MESSAGE-----").contains("Hash: SHA512");

            GnuPg.Result good = gpg.run(signed.getBytes(StandardCharsets.UTF_8), "--status-fd", "2", "--decrypt");
            assertThat(good.exit()).as(good.err()).isZero();
            assertThat(good.err()).contains("VALIDSIG " + registry.fingerprint());
            // What gpg says was signed is the text, trailing white space removed.
            assertThat(good.outText().replace("\r\n", "\n")).isEqualTo(text.replace("  \n", "\n"));

            String changed = signed.replace("Expires: 2027", "Expires: 2028");
            assertThat(gpg.run(changed.getBytes(StandardCharsets.UTF_8), "--verify").exit()).isNotZero();
        }
    }

    @Test
    void gpgDecryptsWhatWeEncryptToItsKeyAndToOurs() throws Exception {
        try (GnuPg gpg = GnuPg.fresh()) {
            String vendorKey = gpg.generate("Vendor PSIRT <psirt@cameras.example.com>", "default", "default");
            byte[] report = "The camera's telnet service accepts the shared password.".getBytes(StandardCharsets.UTF_8);

            String toVendor = OpenPgpPublicKey.parse(vendorKey).encrypt(report, NOW);
            assertThat(toVendor).startsWith("-----BEGIN PGP MESSAGE-----");
            assertThat(gpg.ok(toVendor.getBytes(StandardCharsets.US_ASCII), "--decrypt").out()).isEqualTo(report);

            // Our own X25519 subkey: gpg holds our secret key (imported with its passphrase) and decrypts.
            gpg.importKey(registry.armoredSecretKey(), new String(PASSPHRASE));
            String toRegistry = registry.publicKey().encrypt(report, NOW);
            assertThat(gpg.ok(toRegistry.getBytes(StandardCharsets.US_ASCII), "--passphrase", new String(PASSPHRASE),
                    "--decrypt").out()).isEqualTo(report);

            // A changed byte of the ciphertext: gpg refuses it (the integrity check).
            byte[] tampered = toRegistry.getBytes(StandardCharsets.US_ASCII);
            int inBody = toRegistry.indexOf("\n\n") + 40;
            tampered[inBody] = (byte) (tampered[inBody] == 'A' ? 'B' : 'A');
            assertThat(gpg.run(tampered, "--passphrase", new String(PASSPHRASE), "--decrypt").exit()).isNotZero();
        }
    }

    @Test
    void weVerifyGpgsSignatureAndRefuseAChangedByte() throws Exception {
        try (GnuPg gpg = GnuPg.fresh()) {
            String vendorKey = gpg.generate("Vendor PSIRT <psirt@cameras.example.com>", "ed25519", "sign");
            byte[] firmwareNotes = "Firmware 1.0.1 fixes CVE-2026-12345.".getBytes(StandardCharsets.UTF_8);
            Path data = gpg.file("notes.txt", firmwareNotes);
            String signature = gpg.ok(null, "--armor", "--local-user", "psirt@cameras.example.com", "--detach-sign",
                    "--output", "-", data.toString()).outText();
            OpenPgpPublicKey vendor = OpenPgpPublicKey.parse(vendorKey);

            assertThat(vendor.verifyDetached(firmwareNotes, signature)).isTrue();
            firmwareNotes[0] ^= 1;
            assertThat(vendor.verifyDetached(firmwareNotes, signature)).isFalse();
            // Someone else's key does not verify it either.
            assertThat(registry.publicKey().verifyDetached("x".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        }
    }

    @Test
    void aSigningOnlyOrMalformedKeyIsRefusedWithAReason() throws Exception {
        try (GnuPg gpg = GnuPg.fresh()) {
            String signingOnly = gpg.generate("Signer <signer@example.com>", "ed25519", "sign");
            OpenPgpPublicKey key = OpenPgpPublicKey.parse(signingOnly);
            byte[] message = "hello".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> key.encrypt(message, NOW)).isInstanceOfSatisfying(OpenPgpException.class,
                    e -> assertThat(e.reason()).isEqualTo(OpenPgpException.Reason.CANNOT_ENCRYPT))
                    .hasMessageContaining(key.fingerprint());
            for (String malformed : new String[]{"", "not a key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n"
                    + "-----END PGP PUBLIC KEY BLOCK-----\n", registry.signDetached(message, NOW)}) {
                assertThatThrownBy(() -> OpenPgpPublicKey.parse(malformed)).isInstanceOfSatisfying(OpenPgpException.class,
                        e -> assertThat(e.reason()).isEqualTo(OpenPgpException.Reason.MALFORMED_KEY));
            }
        }
    }

    @Test
    void theSecretKeyReadsBackOnlyWithItsPassphrase() {
        OpenPgpKeyPair again = OpenPgpKeyPair.readSecret(registry.armoredSecretKey(), PASSPHRASE);
        assertThat(again.fingerprint()).isEqualTo(registry.fingerprint()).matches("^[0-9A-F]{40}$");
        byte[] data = "same".getBytes(StandardCharsets.UTF_8);
        assertThat(registry.publicKey().verifyDetached(data, again.signDetached(data, NOW))).isTrue();
        // Ed25519 signatures are deterministic: the same key, data and time give the same signature text.
        assertThat(again.signDetached(data, NOW)).isEqualTo(registry.signDetached(data, NOW));

        assertThatThrownBy(() -> OpenPgpKeyPair.readSecret(registry.armoredSecretKey(), "wrong".toCharArray()))
                .isInstanceOfSatisfying(OpenPgpException.class,
                        e -> assertThat(e.reason()).isEqualTo(OpenPgpException.Reason.WRONG_PASSPHRASE));
    }
}
