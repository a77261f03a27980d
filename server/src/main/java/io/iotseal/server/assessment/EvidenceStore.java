package io.iotseal.server.assessment;

import io.iotseal.digest.Sha256;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evidence bytes on disk, named by their SHA-256 (ADR 0041): {@code ab/cdef...} under the store's
 * folder. The same content is stored once however often it is attached; a file is written to a
 * temporary name first and moved into place, so a reader never sees half a file, and a stored file
 * is never rewritten.
 */
@Component
public class EvidenceStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final long maxBytes;

    public EvidenceStore(EvidenceProperties properties) {
        this.root = Path.of(properties.dir()).toAbsolutePath().normalize();
        this.maxBytes = properties.maxBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads at most the cap (one byte more tells "too large"); null when the content is over it. */
    public byte[] readCapped(InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return content.length > maxBytes ? null : content;
    }

    /** Stores the content if it is not there yet; returns its SHA-256 (hex, lower case). */
    public String put(byte[] content) {
        String sha = Sha256.hex(content);
        Path target = path(sha);
        if (Files.exists(target)) {
            return sha;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), sha.substring(0, 8), ".part");
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temp); // a concurrent upload of the same content got there first
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evidence " + sha, e);
        }
    }

    public Optional<byte[]> get(String sha) {
        if (!SHA256.matcher(sha).matches()) {
            return Optional.empty();
        }
        Path p = path(sha);
        try {
            return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence " + sha, e);
        }
    }

    private Path path(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2));
    }
}
