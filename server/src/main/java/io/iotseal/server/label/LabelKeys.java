package io.iotseal.server.label;

import io.iotseal.server.IotSealProperties;
import io.iotseal.server.OwnerOnlyFiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The registry's signing keys (ADR 0050): a configured keystore in production; on the embedded default
 * a keystore generated at first start under the data folder, with a generated password beside it
 * (folder 0700 and files 0600 where the file system has permissions, ADR 0032). Several instances share one keystore
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
            OwnerOnlyFiles.createFolder(path.toAbsolutePath().getParent(), false);
            return new RegistryKeys(path, labels.keystorePassword().toCharArray(), true, clock, markers, tx);
        }
        Path dir = Path.of(server.dataDir()).resolve("keys");
        OwnerOnlyFiles.createFolder(dir, true);
        Path passwordFile = dir.resolve("labels.password");
        return new RegistryKeys(dir.resolve("labels.p12"), OwnerOnlyFiles.secret(passwordFile), true, clock, markers, tx);
    }
}
