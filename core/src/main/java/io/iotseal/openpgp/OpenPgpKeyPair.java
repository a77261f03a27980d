package io.iotseal.openpgp;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A signing key pair of the registry (ADR 0098): an Ed25519 primary key that certifies and signs (OpenPGP
 * version 4, algorithm 22 "EdDSA legacy", which GnuPG 2.2 reads; the RFC 9580 version 6 algorithms are not yet
 * read by the GnuPG versions Debian ships) and an X25519 subkey for encryption, so that security.txt's
 * Encryption field names a key one can encrypt to. Signatures use SHA-512. The secret keys are kept protected by
 * a passphrase (AES-256, iterated and salted S2K) whenever they leave memory.
 */
public final class OpenPgpKeyPair {

    private static final int S2K_COUNT = 0xc0;   // 2^22 octets hashed: slows guessing the passphrase of a stolen file

    private final PGPSecretKeyRing secretRing;
    private final PGPPrivateKey signingKey;
    private final OpenPgpPublicKey publicKey;

    private OpenPgpKeyPair(PGPSecretKeyRing secretRing, char[] passphrase) {
        this.secretRing = secretRing;
        try {
            this.signingKey = secretRing.getSecretKey().extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
        } catch (PGPException e) {
            throw new OpenPgpException(OpenPgpException.Reason.WRONG_PASSPHRASE,
                    "the OpenPGP secret key cannot be unlocked with the given passphrase", e);
        }
        List<PGPPublicKey> keys = new ArrayList<>();
        secretRing.getPublicKeys().forEachRemaining(keys::add);
        this.publicKey = new OpenPgpPublicKey(new PGPPublicKeyRing(keys));
    }

    /**
     * A new key pair for {@code userId} (e.g. {@code "IoTSeal registry <security@example.org>"}), created at
     * {@code created} (whole seconds), its secret keys protected by {@code passphrase}. No expiry: the registry
     * replaces the key by configuration, and an expired key would silently invalidate its published signatures.
     */
    public static OpenPgpKeyPair generate(String userId, Instant created, char[] passphrase) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an OpenPGP key needs a user id");
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the OpenPGP secret key needs a passphrase to be stored with");
        }
        Date time = Date.from(created.truncatedTo(ChronoUnit.SECONDS));
        SecureRandom random = new SecureRandom();
        Ed25519KeyPairGenerator ed25519 = new Ed25519KeyPairGenerator();
        ed25519.init(new Ed25519KeyGenerationParameters(random));
        X25519KeyPairGenerator x25519 = new X25519KeyPairGenerator();
        x25519.init(new X25519KeyGenerationParameters(random));
        try {
            PGPKeyPair primary = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    ed25519.generateKeyPair(), time);
            PGPKeyPair encryption = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ECDH,
                    x25519.generateKeyPair(), time);

            PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
            primaryFlags.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            primaryFlags.setPreferredHashAlgorithms(false, new int[]{HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            primaryFlags.setPreferredSymmetricAlgorithms(false,
                    new int[]{SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
            primaryFlags.setPreferredCompressionAlgorithms(false, new int[]{CompressionAlgorithmTags.UNCOMPRESSED});
            primaryFlags.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            primaryFlags.setIssuerFingerprint(false, primary.getPublicKey());

            PGPSignatureSubpacketGenerator encryptionFlags = new PGPSignatureSubpacketGenerator();
            encryptionFlags.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            encryptionFlags.setIssuerFingerprint(false, primary.getPublicKey());

            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPDigestCalculator sha256 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                    sha1, primaryFlags.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                    new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha256, S2K_COUNT)
                            .setSecureRandom(random).build(passphrase));
            rings.addSubKey(encryption, encryptionFlags.generate(), null);
            return new OpenPgpKeyPair(rings.generateSecretKeyRing(), passphrase);
        } catch (PGPException e) {
            throw new IllegalStateException("cannot generate an OpenPGP key pair", e);
        }
    }

    /** Reads a secret key as {@link #armoredSecretKey()} wrote it and unlocks it with {@code passphrase}. */
    public static OpenPgpKeyPair readSecret(String armored, char[] passphrase) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.UTF_8)))) {
            Object first = new BcPGPObjectFactory(in).nextObject();
            if (first instanceof PGPSecretKeyRing ring) {
                return new OpenPgpKeyPair(ring, passphrase);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof OpenPgpException known) {
                throw known;
            }
            throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_KEY,
                    "the text is not a well-formed OpenPGP secret key: " + e.getMessage(), e);
        }
        throw new OpenPgpException(OpenPgpException.Reason.MALFORMED_KEY, "the text is not an OpenPGP secret key");
    }

    /** The secret keys, still protected by the passphrase, in ASCII armor (GnuPG imports it with that passphrase). */
    public String armoredSecretKey() {
        return Armor.of(out -> secretRing.encode(out));
    }

    public OpenPgpPublicKey publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return publicKey.fingerprint();
    }

    /** A detached signature over {@code data} (a binary document signature), ASCII-armored: the CSAF {@code .asc} file. */
    public String signDetached(byte[] data, Instant at) {
        PGPSignatureGenerator generator = generator(PGPSignature.BINARY_DOCUMENT, at);
        generator.update(data);
        return Armor.of(out -> sign(generator).encode(out));
    }

    /**
     * {@code text} as an OpenPGP cleartext signed message (RFC 4880 section 7), as RFC 9116 recommends for
     * security.txt. Trailing white space is removed from every line first (it is not signed, so it must not be
     * shown either); lines starting with a dash are dash-escaped by the armor writer.
     */
    public String signCleartext(String text, Instant at) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);   // a final line break ends the last line; it starts no new one
        }
        PGPSignatureGenerator generator = generator(PGPSignature.CANONICAL_TEXT_DOCUMENT, at);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = Armor.open(bytes)) {
            armor.beginClearText(HashAlgorithmTags.SHA512);
            for (int i = 0; i < lines.size(); i++) {
                byte[] line = lines.get(i).stripTrailing().getBytes(StandardCharsets.UTF_8);
                // Signed: the lines joined by CR LF, without a final line break (RFC 4880 section 7.1).
                if (i > 0) {
                    generator.update(new byte[]{'\r', '\n'});
                }
                generator.update(line);
                armor.write(line);
                armor.write(new byte[]{'\r', '\n'});
            }
            armor.endClearText();
            sign(generator).encode(new BCPGOutputStream(armor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private PGPSignatureGenerator generator(int signatureType, Instant at) {
        PGPPublicKey key = secretRing.getPublicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(key.getAlgorithm(), HashAlgorithmTags.SHA512), key);
        try {
            generator.init(signatureType, signingKey);
        } catch (PGPException e) {
            throw new IllegalStateException("cannot sign with the OpenPGP key " + fingerprint(), e);
        }
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, Date.from(at.truncatedTo(ChronoUnit.SECONDS)));
        hashed.setIssuerFingerprint(false, key);
        generator.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        unhashed.setIssuerKeyID(false, key.getKeyID());
        generator.setUnhashedSubpackets(unhashed.generate());
        return generator;
    }

    private static PGPSignature sign(PGPSignatureGenerator generator) throws IOException {
        try {
            return generator.generate();
        } catch (PGPException e) {
            throw new IOException(e);
        }
    }
}
