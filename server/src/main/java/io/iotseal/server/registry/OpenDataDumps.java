package io.iotseal.server.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iotseal.digest.Sha256;
import io.iotseal.label.jose.DetachedJws;
import io.iotseal.server.label.RegistryKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The open-data dump (issue 13, ADR 0083): every public label as JSON Lines (the label search's JSON, one
 * label a line, by label id), gzip-compressed, with a detached JWS (RFC 7797) by the registry's active
 * label key, so the published JWKS proves a mirror genuine, and a SHA-256 checksum file in
 * {@code sha256sum} format. Each dump is written into a hidden folder and moved into place in one atomic
 * rename, with its metadata file last: a reader sees the previous complete dump until the next one is,
 * and a folder without metadata is never served. Made at start when none is there, then every interval.
 */
@Service
@EnableConfigurationProperties(OpenDataProperties.class)
public class OpenDataDumps {

    /** The JWS {@code typ} of a dump's signature. */
    public static final String TYP = "iotseal-label-dump";
    static final String DATA = "labels.jsonl.gz";
    static final String SIGNATURE = DATA + ".jws";
    static final String CHECKSUM = DATA + ".sha256";
    private static final String METADATA = "dump.json";
    private static final String TEMPORARY = ".partial-";
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    /** A partial folder older than this was left by a crash (of any instance sharing the folder). */
    private static final Duration ABANDONED = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(OpenDataDumps.class);

    /**
     * A complete dump: its folder, when it was made, how many labels, the first issue and last expiry day
     * among them (null when empty), the gzip file's size and SHA-256, and the key that signed it.
     */
    public record Dump(Path folder, Instant generated, long labels, LocalDate firstIssued, LocalDate lastExpiry,
                       long bytes, String sha256, String kid) {

        Path data() {
            return folder.resolve(DATA);
        }

        Path signature() {
            return folder.resolve(SIGNATURE);
        }

        Path checksum() {
            return folder.resolve(CHECKSUM);
        }
    }

    private final RegistryRepository repository;
    private final RegistryKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path dir;
    private final Duration interval;
    private final AtomicReference<Dump> current = new AtomicReference<>();

    OpenDataDumps(RegistryRepository repository, RegistryKeys keys, ObjectMapper json, Clock clock,
                  OpenDataProperties properties) {
        this.repository = repository;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.dir = Path.of(properties.dir());
        this.interval = properties.interval();
    }

    /** The dump being served (null before the first one is complete). */
    public Dump current() {
        Dump d = current.get();
        if (d == null) {
            d = newestOnDisk();
            if (d != null) {
                current.compareAndSet(null, d);
            }
        }
        return current.get();
    }

    Duration interval() {
        return interval;
    }

    /**
     * Every minute: makes a dump when none is there or the current one is an interval old. The first run
     * comes at start, which serves a dump left by the last run when it is recent enough.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT0S")
    public void refreshIfDue() {
        Dump d = current();
        if (d == null || !clock.instant().isBefore(d.generated().plus(interval))) {
            try {
                produce();
            } catch (RuntimeException e) {
                // The previous dump stays served; the next run tries again.
                log.error("making the open-data dump failed; {} stays served", d == null ? "none" : d.folder(), e);
            }
        }
    }

    /** Makes a new dump now, serves it once complete, and removes all but it and the one before. */
    public synchronized Dump produce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Path partial = dir.resolve(TEMPORARY + UUID.randomUUID());
        try {
            Files.createDirectories(partial);
            Path data = partial.resolve(DATA);
            Counts counts = writeLabels(data, today);
            byte[] gz = Files.readAllBytes(data);
            String sha256 = HexFormat.of().formatHex(Sha256.digest(gz));
            Files.writeString(partial.resolve(CHECKSUM), sha256 + "  " + DATA + "\n", StandardCharsets.US_ASCII);
            String[] kid = new String[1];
            String jws = keys.sign(key -> {
                kid[0] = key.kid();
                return DetachedJws.sign(gz, TYP, now, key);
            });
            Files.writeString(partial.resolve(SIGNATURE), jws, StandardCharsets.US_ASCII);
            Dump dump = new Dump(null, now, counts.labels.get(), counts.firstIssued.get(), counts.lastExpiry.get(),
                    gz.length, sha256, kid[0]);
            json.writeValue(partial.resolve(METADATA).toFile(), Map.of("generated", now.toString(),
                    "labels", dump.labels(), "firstIssued", String.valueOf(dump.firstIssued()),
                    "lastExpiry", String.valueOf(dump.lastExpiry()), "bytes", dump.bytes(), "sha256", sha256,
                    "kid", dump.kid()));
            // Named by the time (sortable, to the millisecond) and made unique: two dumps within one millisecond,
            // here or by another instance sharing the folder, never collide.
            Path complete = dir.resolve(FOLDER.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8));
            move(partial, complete);
            Dump served = new Dump(complete, now, dump.labels(), dump.firstIssued(), dump.lastExpiry(), dump.bytes(),
                    sha256, dump.kid());
            current.set(served);
            removeOld(complete);
            log.info("open-data dump {}: {} labels, {} bytes, signed by {}", complete, served.labels(), served.bytes(),
                    served.kid());
            return served;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write the open-data dump under " + dir, e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private record Counts(AtomicLong labels, AtomicReference<LocalDate> firstIssued,
                          AtomicReference<LocalDate> lastExpiry) {
    }

    /** Streams every public label, by label id, into a gzip file; the same JSON as the label search's items. */
    private Counts writeLabels(Path file, LocalDate today) throws IOException {
        LabelFilter all = LabelFilter.of(new LinkedMultiValueMap<>(Map.of("sort", List.of("labelId"))), Set.of());
        Counts counts = new Counts(new AtomicLong(), new AtomicReference<>(), new AtomicReference<>());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024);
             SequenceWriter writer = json.writer().without(SerializationFeature.INDENT_OUTPUT)
                     .withRootValueSeparator("\n").writeValues(out)) {
            repository.each(all, today, e -> {
                try {
                    writer.write(e);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                counts.labels.incrementAndGet();
                counts.firstIssued.accumulateAndGet(e.issued(), (a, b) -> a == null || b.isBefore(a) ? b : a);
                counts.lastExpiry.accumulateAndGet(e.validUntil(), (a, b) -> a == null || b.isAfter(a) ? b : a);
            });
            if (counts.labels.get() > 0) {
                writer.flush();
                out.write('\n'); // JSON Lines: every line ends with a newline, the last one too
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return counts;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically; the dump must"
                    + " not be served half-written", e);
        }
    }

    /** The newest complete dump under the folder (one with its metadata), e.g. from before a restart. */
    private Dump newestOnDisk() {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(METADATA)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList()) {
                try {
                    var m = json.readTree(folder.resolve(METADATA).toFile());
                    return new Dump(folder, Instant.parse(m.get("generated").asText()), m.get("labels").asLong(),
                            day(m.get("firstIssued").asText()), day(m.get("lastExpiry").asText()),
                            m.get("bytes").asLong(), m.get("sha256").asText(), m.get("kid").asText());
                } catch (IOException | RuntimeException unreadable) {
                    log.warn("open-data dump {} is unreadable; skipped", folder, unreadable);
                }
            }
            return null;
        } catch (IOException e) {
            log.warn("cannot list the open-data folder {}", dir, e);
            return null;
        }
    }

    private static LocalDate day(String text) {
        return "null".equals(text) ? null : LocalDate.parse(text);
    }

    /**
     * Keeps the new dump and the one before it (a download of that one may still be running) and removes
     * older ones, and partial folders a crash left behind.
     */
    private void removeOld(Path keep) {
        try (Stream<Path> folders = Files.list(dir)) {
            List<Path> all = folders.toList();
            List<Path> complete = all.stream().filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
            boolean previousKept = false;
            for (Path p : complete) {
                if (p.equals(keep) || p.getFileName().toString().compareTo(keep.getFileName().toString()) > 0) {
                    continue; // this one, or a newer one another instance sharing the folder made
                }
                if (!previousKept) {
                    previousKept = true;
                    continue;
                }
                deleteQuietly(p);
            }
            Instant abandoned = clock.instant().minus(ABANDONED);
            for (Path p : all) {
                if (p.getFileName().toString().startsWith(TEMPORARY)
                        && Files.getLastModifiedTime(p).compareTo(FileTime.from(abandoned)) < 0) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            log.warn("cannot remove old open-data dumps under {}", dir, e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("cannot remove {}", folder, e);
        }
    }
}
