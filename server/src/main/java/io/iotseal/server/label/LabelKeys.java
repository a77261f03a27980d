package io.iotseal.server.label;

import io.iotseal.server.IotSealProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The registry's signing keys (ADR 0050): a configured keystore in production; on the embedded default
 * a keystore generated at first start under the data folder, with a generated password beside it
 * (owner-only file permissions where the file system has them). Several instances share one keystore
 * file and one database; {@link RegistryKeys} keeps them signing with the same key (ADR 0051).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LabelProperties.class)
class LabelKeys {

    @Bean
    RegistryKeys registryKeys(LabelProperties labels, IotSealProperties server, Clock clock, LabelKeyRepository markers,
                           TransactionTemplate tx) {
        if (labels.keystore() != null && !labels.keystore().isBlank()) {
            if (labels.keystorePassword() == null || labels.keystorePassword().isBlank()) {
                throw new IllegalStateException("iotseal.labels.keystore is set but iotseal.labels.keystore-password"
                        + " (IOTSEAL_LABEL_KEYSTORE_PASSWORD) is not");
            }
            Path path = Path.of(labels.keystore());
            createParent(path);
            return new RegistryKeys(path, labels.keystorePassword().toCharArray(), true, clock, markers, tx);
        }
        Path dir = Path.of(server.dataDir()).resolve("keys");
        createParent(dir.resolve("x"));
        Path passwordFile = dir.resolve("labels.password");
        return new RegistryKeys(dir.resolve("labels.p12"), password(passwordFile), true, clock, markers, tx);
    }

    private static char[] password(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                ownerOnly(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the keystore password " + file, e);
        }
    }

    private static void createParent(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + path, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data folder's own permissions apply.
        }
    }
}
