package io.iotseal.probe.sim;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.util.List;

/**
 * An SSH daemon on 127.0.0.1 with one account (Apache MINA SSHD). Optionally hides its version and locks
 * out after failed logins by closing new sessions, like a hardened embedded daemon.
 */
public final class SimulatedSshDevice implements AutoCloseable {
    private final SshServer server;

    public SimulatedSshDevice(String user, String password, String identification, Lockout lockout) throws IOException {
        this(user, password, identification, lockout, false);
    }

    /**
     * @param legacyOnly offer only what an old embedded Dropbear offers: diffie-hellman-group1-sha1,
     *                   aes128-cbc, hmac-sha1 and an ssh-rsa host key
     */
    public SimulatedSshDevice(String user, String password, String identification, Lockout lockout, boolean legacyOnly)
            throws IOException {
        this(user, password, identification, lockout, legacyOnly ? HostKey.LEGACY_RSA : HostKey.EC, true);
    }

    /** The host key a simulated daemon has, and what it offers for it. */
    public enum HostKey {
        /** ECDSA P-256, MINA's default algorithms. */
        EC,
        /** Only what an old embedded Dropbear offers: group1-sha1, aes128-cbc, hmac-sha1, ssh-rsa. */
        LEGACY_RSA,
        /** Only an Ed25519 key and ssh-ed25519, like a dropbear set up with {@code dropbearkey -t ed25519}. */
        ED25519_ONLY
    }

    /**
     * @param passwordLogin false for a key-only server: its only authentication method is publickey
     */
    public SimulatedSshDevice(String user, String password, String identification, Lockout lockout, HostKey hostKey,
                              boolean passwordLogin) throws IOException {
        boolean legacyOnly = hostKey == HostKey.LEGACY_RSA;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        if (hostKey == HostKey.ED25519_ONLY) {
            server.setKeyPairProvider(org.apache.sshd.common.keyprovider.KeyPairProvider.wrap(ed25519()));
            server.setSignatureFactories(List.of(BuiltinSignatures.ed25519));
        } else {
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
            keys.setAlgorithm(legacyOnly ? "RSA" : "EC");
            // Generate the key now: generated on the first connection, an RSA key can take longer than a
            // test's timeout on a busy machine.
            keys.loadKeys(null);
            server.setKeyPairProvider(keys);
        }
        if (legacyOnly) {
            server.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                    List.of(BuiltinDHFactories.dhg1), ServerBuilder.DH2KEX));
            server.setCipherFactories(List.of(BuiltinCiphers.aes128cbc));
            server.setMacFactories(List.of(BuiltinMacs.hmacsha1));
            server.setSignatureFactories(List.of(BuiltinSignatures.rsa));
        }
        if (identification != null) {
            CoreModuleProperties.SERVER_IDENTIFICATION.set(server, identification);
        }
        if (!passwordLogin) {
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((u, key, session) -> false);
            server.start();
            return;
        }
        server.setPasswordAuthenticator((u, p, session) -> {
            if (lockout.locked()) {
                session.close(true);
                return false;
            }
            boolean ok = user.equals(u) && password.equals(p);
            if (ok) {
                lockout.succeeded();
            } else {
                lockout.failed();
            }
            return ok;
        });
        server.setKeyboardInteractiveAuthenticator(null);
        server.start();
    }

    private static java.security.KeyPair ed25519() {
        try {
            // MINA reads Ed25519 keys through Bouncy Castle (the probe's EdDSA provider), so BC makes the key.
            return java.security.KeyPairGenerator.getInstance("Ed25519",
                    new org.bouncycastle.jce.provider.BouncyCastleProvider()).generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 provider for MINA SSHD (Bouncy Castle missing?)", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
