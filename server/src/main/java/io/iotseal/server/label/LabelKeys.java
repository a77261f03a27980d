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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * The registry's signing keys (ADR 0050): a configured keystore in production; on the embedded default
 * a keystore generated at first start under the data folder, with a generated password beside it
 * (folder 0700 and files 0600 where the file system has permissions, ADR 0032). Several instances share one keystore
 * file and one database; {@link RegistryKeys} keeps them signing with the same key (ADR 0051).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LabelProperties.class)
class LabelKeys {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    @Bean
    RegistryKeys registryKeys(LabelProperties labels, IotSealProperties server, Clock clock, LabelKeyRepository markers,
                           TransactionTemplate tx) {
        if (labels.keystore() != null && !labels.keystore().isBlank()) {
            if (labels.keystorePassword() == null || labels.keystorePassword().isBlank()) {
                throw new IllegalStateException("iotseal.labels.keystore is set but iotseal.labels.keystore-password"
                        + " (IOTSEAL_LABEL_KEYSTORE_PASSWORD) is not");
            }
            Path path = Path.of(labels.keystore());
            createOwnerOnlyFolder(path.toAbsolutePath().getParent(), false);
            return new RegistryKeys(path, labels.keystorePassword().toCharArray(), true, clock, markers, tx);
        }
        Path dir = Path.of(server.dataDir()).resolve("keys");
        createOwnerOnlyFolder(dir, true);
        Path passwordFile = dir.resolve("labels.password");
        return new RegistryKeys(dir.resolve("labels.p12"), password(passwordFile), true, clock, markers, tx);
    }

    private static char[] password(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);   // the data folder's own permissions apply
                }
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the keystore password " + file, e);
        }
    }

    /**
     * Creates the keys folder owner-only (0700) where the file system has permissions. {@code ours}: the
     * embedded default's own folder, closed to 0700 even if it exists (an earlier version left it 0755);
     * an operator's configured folder is only created, never changed.
     */
    private static void createOwnerOnlyFolder(Path dir, boolean ours) {
        if (dir == null) {
            return;
        }
        try {
            if (!Files.exists(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                }
            }
            if (ours && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the keys folder " + dir, e);
        }
    }
}
