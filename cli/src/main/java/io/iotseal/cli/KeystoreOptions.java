package io.iotseal.cli;

import io.iotseal.label.keys.KeystoreKeyManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * The operator's keystore: a PKCS#12 file outside the repository, its password from the environment
 * variable {@code IOTSEAL_KEYSTORE_PASSWORD} or a file, never from the command line (it would show
 * in the process list and the shell history).
 */
final class KeystoreOptions {
    static final String PASSWORD_VARIABLE = "IOTSEAL_KEYSTORE_PASSWORD";

    @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "PKCS#12 keystore of signing keys.")
    Path keystore;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the keystore password (default: $" + PASSWORD_VARIABLE + ").")
    Path passwordFile;

    KeystoreKeyManager open(boolean createIfMissing) {
        return KeystoreKeyManager.open(keystore, password(), createIfMissing, Clock.systemUTC());
    }

    private char[] password() {
        if (passwordFile != null) {
            try {
                String first = Files.readAllLines(passwordFile).stream().findFirst().orElse("");
                return first.toCharArray();
            } catch (IOException e) {
                throw new UserInputException("--password-file: cannot read " + passwordFile + ": " + e.getMessage(), e);
            }
        }
        String fromEnv = System.getenv(PASSWORD_VARIABLE);
        if (fromEnv == null || fromEnv.isEmpty()) {
            throw new UserInputException("the keystore password is missing: set " + PASSWORD_VARIABLE
                    + " or pass --password-file");
        }
        return fromEnv.toCharArray();
    }
}
