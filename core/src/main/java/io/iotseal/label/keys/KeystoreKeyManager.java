package io.iotseal.label.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * The scheme operator's signing keys in a PKCS#12 keystore at a configured path (outside the
 * repository). Each key is stored as the 32-byte Ed25519 seed in a secret-key entry (PKCS#12
 * private-key entries need a certificate chain we have no use for), under an alias made of its
 * creation time in epoch milliseconds and its kid: PKCS#12 lower-cases aliases, so the kid itself is
 * recomputed from the key, and the time orders the keys. The newest key signs;
 * older ones are retired but kept, so their public halves stay in the JWKS (ADR 0032).
 *
 * <p>Files are written owner-only (0600, folder 0700) and replaced atomically.
 */
public final class KeystoreKeyManager {
    private static final String TYPE = "PKCS12";
    private static final String ALGORITHM = "Ed25519";

    private final Path path;
    private final char[] password;
    private final Clock clock;
    private final KeyStore store;
    /** Decrypting PKCS#12 entries is slow (key derivation per entry): read once, after every change. */
    private List<Entry> entries;

    private KeystoreKeyManager(Path path, char[] password, Clock clock, KeyStore store) {
        this.path = path;
        this.password = password.clone();
        this.clock = clock;
        this.store = store;
        this.entries = readEntries();
    }

    /**
     * Opens the keystore; when it does not exist and {@code createIfMissing}, creates it with one new
     * key (the embedded default's "generate at first start").
     */
    public static KeystoreKeyManager open(Path path, char[] password, boolean createIfMissing, Clock clock) {
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("keystore password must have at least 8 characters");
        }
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            if (Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    store.load(in, password);
                }
                return new KeystoreKeyManager(path, password, clock, store);
            }
            if (!createIfMissing) {
                throw new IllegalArgumentException("keystore " + path + " does not exist");
            }
            store.load(null, password);
            KeystoreKeyManager manager = new KeystoreKeyManager(path, password, clock, store);
            manager.rotate();
            return manager;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("keystore " + path + " cannot be read (wrong password or not PKCS#12): "
                    + e.getMessage(), e);
        }
    }

    /** The key that signs new labels: the newest one. */
    public synchronized SigningKey active() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("keystore " + path + " holds no signing key: run label keygen");
        }
        return entries.get(entries.size() - 1).key();
    }

    /** Adds a new key, which becomes the active one; earlier keys are kept as retired. */
    public synchronized SigningKey rotate() {
        Instant now = clock.instant();
        List<Entry> existing = entries;
        if (!existing.isEmpty() && !now.isAfter(existing.get(existing.size() - 1).created())) {
            now = existing.get(existing.size() - 1).created().plusMillis(1);
        }
        SigningKey key = SigningKey.generate(now);
        try {
            store.setEntry(String.format("%015d-%s", now.toEpochMilli(), key.kid().toLowerCase()), new KeyStore.SecretKeyEntry(new SecretKeySpec(key.seed(), ALGORITHM)),
                    new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add a key to " + path, e);
        }
        save();
        entries = readEntries();
        return active();
    }

    /** Deletes a key for good (it was compromised): labels it signed stop verifying. */
    public synchronized void remove(String kid) {
        Entry entry = entries.stream().filter(e -> e.key().kid().equals(kid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kid '" + kid + "' is not in keystore " + path));
        try {
            store.deleteEntry(entry.alias());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        save();
        entries = readEntries();
    }

    /** Every public key, oldest first; each is retired at the moment its successor was created. */
    public synchronized TrustedKeys publicKeys() {
        List<VerificationKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            VerificationKey key = entries.get(i).key().verificationKey();
            keys.add(i + 1 < entries.size() ? key.retiredAt(entries.get(i + 1).created()) : key);
        }
        return new TrustedKeys(keys);
    }

    public Path path() {
        return path;
    }

    private record Entry(String alias, SigningKey key, Instant created) {
    }

    private List<Entry> readEntries() {
        try {
            List<Entry> entries = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, password);
                if (key == null || !ALGORITHM.equals(key.getAlgorithm())) {
                    continue;
                }
                if (!alias.matches("\\d{15}-.+")) {
                    continue;
                }
                Instant created = Instant.ofEpochMilli(Long.parseLong(alias.substring(0, 15)));
                entries.add(new Entry(alias, new SigningKey(key.getEncoded(), created), created));
            }
            entries.sort(Comparator.comparing(Entry::created));
            return entries;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read keys from " + path, e);
        }
    }

    private void save() {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temp = dir.resolve(path.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                throw new IOException("another process is writing " + temp, e);
            }
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write keystore " + path + ": " + e.getMessage(), e);
        }
    }
}
