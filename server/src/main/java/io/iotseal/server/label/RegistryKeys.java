package io.iotseal.server.label;

import io.iotseal.label.keys.KeystoreKeyManager;
import io.iotseal.label.keys.SigningKey;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.server.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * The registry's signing keys as every server instance must see them (ADR 0051). The key material is in
 * the keystore file all instances share; which key signs is in the database ({@code label_key_state}).
 * Before signing, an instance locks that row, reloads the keystore when the row's generation or the file
 * changed, and refuses to sign unless its newest key is the one the row names: an instance never signs
 * with a key another instance has retired or removed.
 */
public class RegistryKeys {

    private static final Logger log = LoggerFactory.getLogger(RegistryKeys.class);

    private final Path path;
    private final char[] password;
    private final Clock clock;
    private final LabelKeyRepository markers;
    private final TransactionTemplate tx;
    private volatile Loaded loaded;

    /** The keystore as read, the file's identity then, and the generation it was checked against (-1: not yet). */
    private record Loaded(KeystoreKeyManager manager, FileStamp stamp, long generation) {
    }

    /** Last modification, size and file key (the inode): an atomic replace always changes the last. */
    private record FileStamp(Object modified, long size, Object fileKey) {
    }

    /** The marker locked by the current transaction, and the keystore that agrees with its generation. */
    record Locked(LabelKeyRepository.Marker marker, KeystoreKeyManager manager) {
    }

    RegistryKeys(Path path, char[] password, boolean createIfMissing, Clock clock, LabelKeyRepository markers,
                 TransactionTemplate tx) {
        this.path = path;
        this.password = password.clone();
        this.clock = clock;
        this.markers = markers;
        this.tx = tx;
        KeystoreKeyManager manager = KeystoreKeyManager.open(path, password, createIfMissing, clock);
        this.loaded = new Loaded(manager, stamp(), -1);
    }

    public Path path() {
        return path;
    }

    /**
     * Runs {@code signer} with the registry's active key inside a transaction (the caller's, if any; not a
     * read-only one) that holds the marker lock, so no rotation by any instance can slip in between the
     * check and the commit.
     */
    public <T> T sign(Function<SigningKey, T> signer) {
        return tx.execute(status -> {
            Locked locked = lock();
            SigningKey key = locked.manager().active();
            if (!key.kid().equals(locked.marker().activeKid())) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", "this server's keystore "
                        + path + " has " + key.kid() + " as its newest key but the registry signs with "
                        + locked.marker().activeKid() + ": every instance must use the same keystore file, and keys"
                        + " are rotated through the API (an operator admin's rotation brings them back in line)");
            }
            return signer.apply(key);
        });
    }

    /** The public keys (JWKS), re-read when the shared keystore file changed. */
    public TrustedKeys publicKeys() {
        return current(null).manager().publicKeys();
    }

    /** The key generation this instance last checked (-1 before its first signature or key change). */
    public long generation() {
        return loaded.generation();
    }

    /** Locks the marker (in the caller's transaction) and brings the keystore in line with it. */
    Locked lock() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LabelKeyRepository.Marker marker = markers.lock(loaded.manager().active().kid(), now);
        return new Locked(marker, current(marker.generation()).manager());
    }

    /**
     * Adds a key, which signs from now on, and records it as the active one. Call inside the transaction
     * that {@link #lock()} started; if that transaction rolls back, the new key is taken out of the file again.
     */
    Locked rotate(Locked locked) {
        SigningKey key = locked.manager().rotate();
        LabelKeyRepository.Marker marker = new LabelKeyRepository.Marker(locked.marker().generation() + 1, key.kid());
        afterCompletion(locked.manager(), marker.generation(), () -> locked.manager().remove(key.kid()));
        markers.update(marker, OffsetDateTime.now(clock));
        return new Locked(marker, locked.manager());
    }

    /**
     * Deletes a key from the keystore for good, as the last step of the transaction, so a failure before
     * it leaves the key where it was. The active key cannot be removed (rotate first).
     */
    Locked remove(Locked locked, String kid) {
        LabelKeyRepository.Marker marker = new LabelKeyRepository.Marker(locked.marker().generation() + 1,
                locked.marker().activeKid());
        markers.update(marker, OffsetDateTime.now(clock));
        locked.manager().remove(kid);
        afterCompletion(locked.manager(), marker.generation(), () -> log.error("removing key {} was not committed,"
                + " but it is already gone from {}: the audit log has no entry for it", kid, path));
        return new Locked(marker, locked.manager());
    }

    private void afterCompletion(KeystoreKeyManager manager, long generation, Runnable onRollback) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    loaded = new Loaded(manager, stamp(), generation);
                } else {
                    onRollback.run();
                    loaded = new Loaded(KeystoreKeyManager.open(path, password, false, clock), stamp(), -1);
                }
            }
        });
    }

    /** At start: says so when this instance's keystore cannot sign for the registry (a warning, not a failure). */
    void checkAgreement() {
        LabelKeyRepository.Marker marker = markers.peek();
        String newest = loaded.manager().active().kid();
        if (marker != null && !marker.activeKid().equals(newest)) {
            log.warn("keystore {} has {} as its newest key but the registry signs with {}: this instance will refuse"
                    + " to sign until they agree (same keystore file on every instance; rotate through the API)",
                    path, newest, marker.activeKid());
        }
    }

    /**
     * The keystore as it is now: re-read when the file changed or, given a generation, when that is not the
     * one it was last checked against.
     */
    private Loaded current(Long generation) {
        FileStamp stamp = stamp();
        Loaded l = loaded;
        if (l.stamp().equals(stamp) && (generation == null || l.generation() == generation)) {
            return l;
        }
        synchronized (this) {
            l = loaded;
            if (!l.stamp().equals(stamp)) {
                log.info("keystore {} changed: reading it again", path);
                l = new Loaded(KeystoreKeyManager.open(path, password, false, clock), stamp, l.generation());
            } else if (generation != null && l.generation() >= 0 && l.generation() != generation) {
                // Another instance changed the keys, but this file looks the same: read it again all the same
                // (a file system may keep a stale view), and the signer's check still refuses a disagreement.
                l = new Loaded(KeystoreKeyManager.open(path, password, false, clock), stamp, l.generation());
            }
            if (generation != null) {
                l = new Loaded(l.manager(), l.stamp(), generation);
            }
            loaded = l;
            return l;
        }
    }

    private FileStamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keystore " + path, e);
        }
    }
}
