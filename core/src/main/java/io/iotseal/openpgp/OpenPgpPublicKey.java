package io.iotseal.openpgp;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.util.encoders.Hex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;

/**
 * An OpenPGP public key (a certificate: primary key, user ids, subkeys) read from its armored text, as a vendor
 * publishes it or as the registry serves its own. Verifies detached signatures and encrypts messages to it.
 */
public final class OpenPgpPublicKey {

    /** Keys larger than this are not keys a vendor publishes for reports; refused before parsing. */
    static final int MAX_ARMORED_CHARS = 256 * 1024;

    private final PGPPublicKeyRing ring;

    OpenPgpPublicKey(PGPPublicKeyRing ring) {
        this.ring = ring;
    }

    /**
     * Reads an armored (or binary) public key. A text that is not one, or holds something else (a secret key,
     * a signature), is refused with {@link OpenPgpException.Reason#MALFORMED_KEY}.
     */
    public static OpenPgpPublicKey parse(String armored) {
        if (armored == null || armored.isBlank()) {
            throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_KEY, "no OpenPGP public key given");
        }
        if (armored.length() > MAX_ARMORED_CHARS) {
            throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_KEY, "the OpenPGP public key is longer than "
                    + MAX_ARMORED_CHARS + " characters");
        }
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.UTF_8)))) {
            Object first = new BcPGPObjectFactory(in).nextObject();
            if (first instanceof PGPPublicKeyRing ring) {
                return new OpenPgpPublicKey(ring);
            }
            throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_KEY, "the text is not an OpenPGP public key"
                    + (first == null ? "" : " (it holds " + first.getClass().getSimpleName().replace("PGP", "an OpenPGP ")
                    + ")"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof OpenPgpException known) {
                throw known;
            }
            throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_KEY,
                    "the text is not a well-formed OpenPGP public key: " + e.getMessage(), e);
        }
    }

    /** The primary key's version 4 fingerprint: 40 upper-case hexadecimal digits. */
    public String fingerprint() {
        return Hex.toHexString(ring.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** The key in ASCII armor, as served at the key's URL. */
    public String armored() {
        return Armor.of(out -> ring.encode(out, true));
    }

    PGPPublicKeyRing ring() {
        return ring;
    }

    /**
     * Whether {@code armoredSignature} is a valid detached signature over {@code data} by this key (the primary
     * key or a signing subkey). A changed byte of either gives false; a text that is not a signature is refused.
     */
    public boolean verifyDetached(byte[] data, String armoredSignature) {
        PGPSignature signature = readSignature(armoredSignature);
        PGPPublicKey key = ring.getPublicKey(signature.getKeyID());
        if (key == null) {
            return false;
        }
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key);
            signature.update(data);
            return signature.verify();
        } catch (PGPException e) {
            return false;
        }
    }

    private static PGPSignature readSignature(String armored) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.UTF_8)))) {
            Object first = new BcPGPObjectFactory(in).nextObject();
            if (first instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
        } catch (IOException | RuntimeException e) {
            throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_SIGNATURE,
                    "the text is not a well-formed OpenPGP signature: " + e.getMessage(), e);
        }
        throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_SIGNATURE, "the text is not an OpenPGP signature");
    }

    /**
     * Encrypts {@code message} to this key's encryption key (AES-256, with the integrity check GnuPG requires),
     * as an armored OpenPGP message. A key with no valid key that may encrypt (a signing-only key, a revoked or
     * expired encryption subkey) is refused with {@link OpenPgpException.Reason#CANNOT_ENCRYPT}.
     */
    public String encrypt(byte[] message, Instant at) {
        PGPPublicKey recipient = encryptionKey(at);
        PGPEncryptedDataGenerator encryptor = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        encryptor.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(recipient));
        return Armor.of(armor -> {
            try (OutputStream encrypted = encryptor.open(armor, new byte[1 << 12])) {
                PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
                try (OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, "", message.length,
                        Date.from(at))) {
                    plain.write(message);
                }
            } catch (PGPException e) {
                throw new IOException(e);
            }
        });
    }

    /** The newest valid key of the certificate that may encrypt at {@code at}. */
    PGPPublicKey encryptionKey(Instant at) {
        PGPPublicKey chosen = null;
        PGPPublicKey primary = ring.getPublicKey();
        if (primary.hasRevocation() || expired(primary, at)) {
            throw cannotEncrypt("its primary key is revoked or expired");
        }
        for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
            PGPPublicKey key = keys.next();
            if (!key.isEncryptionKey() || key.hasRevocation() || expired(key, at) || !flagsAllowEncryption(key)) {
                continue;
            }
            if (chosen == null || key.getCreationTime().after(chosen.getCreationTime())) {
                chosen = key;
            }
        }
        if (chosen == null) {
            throw cannotEncrypt("it has no valid key that may encrypt (it may be a signing-only key)");
        }
        return chosen;
    }

    private OpenPgpException cannotEncrypt(String why) {
        return new OpenPgpException(OpenPgpException.Reason.CANNOT_ENCRYPT, "the OpenPGP key " + fingerprint()
                + " cannot be used to encrypt: " + why);
    }

    private static boolean expired(PGPPublicKey key, Instant at) {
        long valid = key.getValidSeconds();
        return valid > 0 && key.getCreationTime().toInstant().plusSeconds(valid).isBefore(at);
    }

    /**
     * A key whose self-signatures state key flags must allow encryption; without flags (old keys) the algorithm
     * alone decides, as GnuPG does.
     */
    private static boolean flagsAllowEncryption(PGPPublicKey key) {
        boolean sawFlags = false;
        for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
            PGPSignature signature = it.next();
            PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
            if (hashed == null || !hashed.hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)) {
                continue;
            }
            sawFlags = true;
            if ((hashed.getKeyFlags() & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0) {
                return true;
            }
        }
        return !sawFlags;
    }
}
