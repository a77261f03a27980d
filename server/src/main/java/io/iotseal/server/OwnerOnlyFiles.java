package io.iotseal.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Key files of the embedded default under the data folder (ADR 0032, 0050): the folder owner-only (0700) and
 * each file owner-only (0600) where the file system has permissions. Used by the label keystore and the
 * registry's OpenPGP key (ADR 0098); never for anything in the repository.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the keys folder owner-only (0700) where the file system has permissions. {@code ours}: the
     * embedded default's own folder, closed to 0700 even if it exists (an earlier version left it 0755);
     * an operator's configured folder is only created, never changed.
     */
    public static void createFolder(Path dir, boolean ours) {
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

    /** The secret in {@code file}; a random one (24 bytes, base64url) is written there first if it has none. */
    public static char[] secret(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }

    /**
     * Writes a new owner-only file with {@code content}; false if the file exists already (then it is left as
     * it is: another instance sharing the data folder was first). The content appears whole or not at all: it is
     * written to a temporary file and linked to its name, which fails rather than replaces.
     */
    public static boolean createNew(Path file, String content) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + Long.toHexString(new SecureRandom().nextLong()));
        try {
            write(temp, content);
            try {
                Files.createLink(file, temp);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            } catch (UnsupportedOperationException noLinks) {
                try {
                    Files.move(temp, file);
                    return true;
                } catch (FileAlreadyExistsException taken) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary file holds nothing the key file does not
            }
        }
    }

    private static void write(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);   // the data folder's own permissions apply
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
