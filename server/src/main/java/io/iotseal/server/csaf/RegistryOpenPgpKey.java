package io.iotseal.server.csaf;

import io.iotseal.openpgp.OpenPgpKeyPair;
import io.iotseal.server.IotSealProperties;
import io.iotseal.server.OwnerOnlyFiles;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The registry's OpenPGP key (ADR 0098), which signs the CSAF documents and security.txt, kept the way the
 * label keys are (ADR 0050): a configured armored secret key file and passphrase in production; on the
 * embedded default a key generated at first need under the data folder's {@code keys/} (folder 0700, files
 * 0600), its secret parts protected by a random passphrase kept in a file beside it. Instances sharing the data
 * folder share the key: the first to generate it wins, the others read its file. Nothing key-related lives
 * in the repository.
 */
@Component
public class RegistryOpenPgpKey {

    static final String KEY_FILE = "csaf-openpgp.asc";
    static final String PASSPHRASE_FILE = "csaf-openpgp.password";

    private final CsafProperties properties;
    private final Path keysDir;
    private final Clock clock;
    private volatile OpenPgpKeyPair key;

    RegistryOpenPgpKey(CsafProperties properties, IotSealProperties server, Clock clock) {
        this.properties = properties;
        this.keysDir = Path.of(server.dataDir()).resolve("keys");
        this.clock = clock;
        if (configured() && (properties.openpgpPassphrase() == null || properties.openpgpPassphrase().isBlank())) {
            throw new IllegalStateException("iotseal.csaf.openpgp-key is set but iotseal.csaf.openpgp-passphrase"
                    + " (IOTSEAL_CSAF_OPENPGP_PASSPHRASE) is not");
        }
    }

    private boolean configured() {
        return properties.openpgpKey() != null && !properties.openpgpKey().isBlank();
    }

    /** The key, read or (on the embedded default, the first time) generated. */
    public OpenPgpKeyPair get() {
        OpenPgpKeyPair current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                current = key;
            }
        }
        return current;
    }

    private OpenPgpKeyPair load() {
        if (configured()) {
            return OpenPgpKeyPair.readSecret(read(Path.of(properties.openpgpKey())),
                    properties.openpgpPassphrase().toCharArray());
        }
        OwnerOnlyFiles.createFolder(keysDir, true);
        char[] passphrase = OwnerOnlyFiles.secret(keysDir.resolve(PASSPHRASE_FILE));
        Path file = keysDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            OpenPgpKeyPair generated = OpenPgpKeyPair.generate(properties.publisherName() + " (CSAF)",
                    clock.instant(), passphrase);
            if (OwnerOnlyFiles.createNew(file, generated.armoredSecretKey())) {
                return generated;
            }
        }
        return OpenPgpKeyPair.readSecret(read(file), passphrase);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenPGP key " + file, e);
        }
    }
}
