package io.iotseal.server.csaf;

import io.iotseal.openpgp.OpenPgpException;
import io.iotseal.openpgp.OpenPgpKeyPair;
import io.iotseal.server.IotSealProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's OpenPGP key is kept like the label keys (ADR 0050, 0098): owner-only files, never regenerated. */
class RegistryOpenPgpKeyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private static CsafProperties properties(String keyFile, String passphrase, Duration expiry) {
        return new CsafProperties(null, null, null, null, keyFile, passphrase, expiry, null, null, null);
    }

    @Test
    void theEmbeddedDefaultGeneratesOnceInOwnerOnlyFilesAndEveryInstanceReadsThatKey(@TempDir Path data) throws Exception {
        IotSealProperties server = new IotSealProperties(data.toString(), false, 0, null);
        RegistryOpenPgpKey first = new RegistryOpenPgpKey(properties(null, null, null), server, CLOCK);
        assertThat(Files.exists(data.resolve("keys"))).as("nothing is generated before it is needed").isFalse();

        String fingerprint = first.get().fingerprint();
        // A second instance on the same data folder (or a restart) signs with the same key.
        RegistryOpenPgpKey second = new RegistryOpenPgpKey(properties(null, null, null), server, CLOCK);
        assertThat(second.get().fingerprint()).isEqualTo(fingerprint);

        Path keys = data.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        for (String file : new String[]{RegistryOpenPgpKey.KEY_FILE, RegistryOpenPgpKey.PASSPHRASE_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        // The file holds the secret key protected by the passphrase beside it, not in clear.
        String armored = Files.readString(keys.resolve(RegistryOpenPgpKey.KEY_FILE));
        assertThat(armored).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
        assertThatThrownBy(() -> OpenPgpKeyPair.readSecret(armored, "not the passphrase".toCharArray()))
                .isInstanceOf(OpenPgpException.class);
        assertThat(OpenPgpKeyPair.readSecret(armored, Files.readString(keys.resolve(RegistryOpenPgpKey.PASSPHRASE_FILE))
                .strip().toCharArray()).fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void aConfiguredKeyFileIsReadWithItsPassphrase(@TempDir Path data) throws Exception {
        OpenPgpKeyPair operators = OpenPgpKeyPair.generate("Operator <security@example.org>", CLOCK.instant(),
                "operator passphrase".toCharArray());
        Path file = Files.writeString(data.resolve("operator.asc"), operators.armoredSecretKey());
        IotSealProperties server = new IotSealProperties(data.resolve("data").toString(), false, 0, null);

        RegistryOpenPgpKey configured = new RegistryOpenPgpKey(properties(file.toString(), "operator passphrase", null),
                server, CLOCK);
        assertThat(configured.get().fingerprint()).isEqualTo(operators.fingerprint());
        assertThat(Files.exists(data.resolve("data/keys"))).as("nothing generated beside a configured key").isFalse();

        assertThatThrownBy(() -> new RegistryOpenPgpKey(properties(file.toString(), null, null), server, CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("IOTSEAL_CSAF_OPENPGP_PASSPHRASE");
        RegistryOpenPgpKey wrong = new RegistryOpenPgpKey(properties(file.toString(), "wrong", null), server, CLOCK);
        assertThatThrownBy(wrong::get).isInstanceOfSatisfying(OpenPgpException.class,
                e -> assertThat(e.reason()).isEqualTo(OpenPgpException.Reason.WRONG_PASSPHRASE));
    }

    @Test
    void securityTxtExpiryDefaultsToHalfAYearAndMayNotExceedOne() {
        assertThat(properties(null, null, null).securityTxtExpiry()).isEqualTo(Duration.ofDays(180));
        assertThat(properties(null, null, Duration.ofDays(365)).securityTxtExpiry()).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> properties(null, null, Duration.ofDays(366)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RFC 9116");
    }
}
