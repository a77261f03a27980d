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
 * <p>A key is retired when the next one was created. Removing a key that is not the newest leaves a
 * tombstone, an entry under {@code <created>-removed-<kid>} holding no key material, so the key before
 * it keeps its retirement time instead of staying valid until the next remaining key (ADR 0051).
 * Tombstones are not Ed25519 entries: keystores without them read as before, and earlier versions of
 * this class skip them.
 *
 * <p>Files are written owner-only (0600, folder 0700) and replaced atomically.
 */
public final class KeystoreKeyManager {
    private static final String TYPE = "PKCS12";
    private static final String ALGORITHM = "Ed25519";
    /** The algorithm name of a tombstone entry: any but Ed25519, so no reader takes it for a key. */
    private static final String TOMBSTONE = "AES";
    private static final String TOMBSTONE_MARK = "-removed-";

    private final Path path;
    private final char[] password;
    private final Clock clock;
    private final KeyStore store;
    /** Decrypting PKCS#12 entries is slow (key derivation per entry): read once, after every change. */
    private List<Entry> entries;
    /** Creation times of removed keys that had a successor, oldest first: the retirement times they ended. */
    private List<Instant> removed;

    private KeystoreKeyManager(Path path, char[] password, Clock clock, KeyStore store) {
        this.path = path;
        this.password = password.clone();
        this.clock = clock;
        this.store = store;
        read();
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
        read();
        return active();
    }

    /**
     * Deletes a key for good (it was compromised): labels it signed stop verifying. A key with a successor
     * leaves a tombstone of its creation time, so the key before it stays retired when it was. Removing the
     * newest key (undoing a rotation) leaves none: the key before it signs again, so tombstones after that
     * key are dropped too, or it would count as retired while it signs.
     */
    public synchronized void remove(String kid) {
        Entry entry = entries.stream().filter(e -> e.key().kid().equals(kid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kid '" + kid + "' is not in keystore " + path));
        boolean newest = entry == entries.get(entries.size() - 1);
        try {
            store.deleteEntry(entry.alias());
            if (!newest) {
                store.setEntry(tombstoneAlias(entry.created(), kid),
                        new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], TOMBSTONE)),
                        new KeyStore.PasswordProtection(password));
            } else {
                Instant remaining = entries.size() > 1 ? entries.get(entries.size() - 2).created() : Instant.MIN;
                for (String alias : tombstoneAliases()) {
                    if (createdOf(alias).isAfter(remaining)) {
                        store.deleteEntry(alias);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        save();
        read();
    }

    /**
     * Every public key, oldest first; each but the newest is retired at the moment the next key, kept or
     * removed, was created.
     */
    public synchronized TrustedKeys publicKeys() {
        List<VerificationKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            VerificationKey key = entry.key().verificationKey();
            if (i + 1 < entries.size()) {
                Instant retired = entries.get(i + 1).created();
                for (Instant t : removed) {
                    if (t.isAfter(entry.created()) && t.isBefore(retired)) {
                        retired = t;
                        break;      // oldest first: the first one after the key is the earliest
                    }
                }
                key = key.retiredAt(retired);
            }
            keys.add(key);
        }
        return new TrustedKeys(keys);
    }

    public Path path() {
        return path;
    }

    private record Entry(String alias, SigningKey key, Instant created) {
    }

    private void read() {
        try {
            List<Entry> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, password);
                if (key == null || !ALGORITHM.equals(key.getAlgorithm())) {
                    continue;
                }
                if (!alias.matches("\\d{15}-.+")) {
                    continue;
                }
                Instant created = createdOf(alias);
                keys.add(new Entry(alias, new SigningKey(key.getEncoded(), created), created));
            }
            keys.sort(Comparator.comparing(Entry::created));
            List<Instant> tombstones = new ArrayList<>();
            for (String alias : tombstoneAliases()) {
                tombstones.add(createdOf(alias));
            }
            Collections.sort(tombstones);
            entries = keys;
            removed = tombstones;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read keys from " + path, e);
        }
    }

    private List<String> tombstoneAliases() throws GeneralSecurityException {
        List<String> aliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (alias.matches("\\d{15}" + TOMBSTONE_MARK + ".+")) {
                Key key = store.getKey(alias, password);
                if (key != null && TOMBSTONE.equals(key.getAlgorithm())) {
                    aliases.add(alias);
                }
            }
        }
        return aliases;
    }

    private static String tombstoneAlias(Instant created, String kid) {
        return String.format("%015d%s%s", created.toEpochMilli(), TOMBSTONE_MARK, kid.toLowerCase());
    }

    private static Instant createdOf(String alias) {
        return Instant.ofEpochMilli(Long.parseLong(alias.substring(0, 15)));
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
