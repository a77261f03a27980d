package io.iotseal.server.advisory;

import io.iotseal.advisory.feed.FeedBatch;
import io.iotseal.advisory.feed.FeedException;
import io.iotseal.advisory.feed.FeedKind;
import io.iotseal.advisory.feed.FeedReaders;
import io.iotseal.digest.Sha256;
import io.iotseal.server.access.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Imports the feeds an operator mirrors to disk ({@code iotseal.advisories.mirror-dir}, one subfolder per kind:
 * osv, nvd, jvn, kev), run by the recurring job. A folder is read again only when its files changed (names,
 * sizes, modification times); a broken file imports nothing of that folder and is logged with its location,
 * and the next run tries again.
 */
@Component
public class MirrorImport {

    private static final Logger log = LoggerFactory.getLogger(MirrorImport.class);

    private final AdvisoryProperties properties;
    private final AdvisoryImports imports;
    private final AdvisoryRepository repository;

    MirrorImport(AdvisoryProperties properties, AdvisoryImports imports, AdvisoryRepository repository) {
        this.properties = properties;
        this.imports = imports;
        this.repository = repository;
    }

    /** Imports each kind's folder that changed since its last import; returns the imports made. */
    public List<FeedImport> run() {
        if (properties.mirrorDir() == null) {
            return List.of();
        }
        Path root = Path.of(properties.mirrorDir());
        return Stream.of(FeedKind.values()).map(kind -> importFolder(kind, root.resolve(kind.name().toLowerCase(Locale.ROOT))))
                .flatMap(Stream::ofNullable).toList();
    }

    private FeedImport importFolder(FeedKind kind, Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        String name = folder.toAbsolutePath().normalize().toString();
        String fingerprint = fingerprint(folder);
        if (repository.lastSha256(kind.name(), name).filter(fingerprint::equals).isPresent()) {
            return null;
        }
        try {
            FeedBatch batch = FeedReaders.read(kind, folder);
            FeedImport done = imports.store(Actor.SYSTEM, new AdvisoryImports.Batch(kind.name(), name, fingerprint,
                    batch.advisories(), batch.kev(), batch.warnings()));
            log.info("Mirror import {} {}: {} new, {} updated, {} unchanged, {} withdrawn", kind, name, done.newCount(),
                    done.updatedCount(), done.unchangedCount(), done.withdrawnCount());
            return done;
        } catch (FeedException e) {
            log.warn("Mirror import {} {} refused, nothing imported: {}", kind, name, e.getMessage());
        } catch (IOException e) {
            log.warn("Mirror import {} {} could not be read: {}", kind, name, e.toString());
        } catch (RuntimeException e) {
            log.warn("Mirror import {} {} failed, nothing imported: {}", kind, name, e.getMessage());
        }
        return null;
    }

    /** The SHA-256 of every file's relative path, size and modification time, in name order. */
    static String fingerprint(Path folder) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                b.append(folder.relativize(f)).append('\t').append(Files.size(f)).append('\t')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.hex(b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
