package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Redactor;
import io.iotseal.probe.net.Dialer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.core.CoreModuleProperties;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SSH password login (methods {@code password} and {@code keyboard-interactive}, since embedded daemons
 * differ) through Apache MINA SSHD. One password per connection; the session is closed right after
 * authentication, before any channel is opened, so nothing runs on the device.
 */
public record SshLogin(Dialer dialer, int port, SshClient client) implements LoginClient {

    /**
     * An SSH client for probing: no keys of the user running the probe, no ~/.ssh/config, any host key
     * accepted (the probe tests the device; it does not trust it). Start it before use and stop it after.
     */
    public static SshClient newClient() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE));
        CoreModuleProperties.PASSWORD_PROMPTS.set(client, 1);
        // Embedded daemons (old Dropbear) often offer only legacy algorithms, so the probe enables every
        // algorithm MINA supports, modern ones first. Post-quantum hybrid key exchanges go last: they cost
        // several times more CPU per handshake, every guess is a new handshake, and a probe protects no secrets.
        client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(true,
                preferModern(BuiltinDHFactories.VALUES), ClientBuilder.DH2KEX));
        client.setCipherFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(true,
                preferModern(BuiltinCiphers.VALUES.stream().filter(c -> c != BuiltinCiphers.none).toList()))));
        client.setMacFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(true, preferModern(BuiltinMacs.VALUES))));
        client.setSignatureFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(true,
                preferModern(BuiltinSignatures.VALUES))));
        return client;
    }

    @Override
    public String service() {
        return "ssh";
    }

    @Override
    public boolean cleartext() {
        return false;
    }

    @Override
    public LoginAttempt attempt(Credential credential) {
        return Attempts.timed(credential, transcript -> {
            var timeout = dialer.timeout();
            try (Dialer.Permit ignored = dialer.permit()) {
                ClientSession session;
                try {
                    session = client.connect(credential.username(), dialer.target().address().getHostAddress(), port)
                            .verify(timeout).getClientSession();
                } catch (IOException e) {
                    if (causedBy(e, ConnectException.class)) {
                        throw new ConnectException("connection refused");
                    }
                    return new Attempts.Result(LoginOutcome.REFUSED, "no SSH session: " + e.getMessage());
                }
                try (session) {
                    // addPasswordIdentity refuses "", but an empty password is a real default (root with none).
                    session.setPasswordIdentityProvider(PasswordIdentityProvider.wrapPasswords(credential.password()));
                    String sent = "userauth user=" + credential.username() + " password="
                            + Redactor.password(credential.password());
                    try {
                        session.auth().verify(timeout);
                        transcript.add(new Exchange(service(), sent, "authentication succeeded; disconnected"));
                        return new Attempts.Result(LoginOutcome.ACCEPTED, "password accepted");
                    } catch (IOException e) {
                        String reply = Redactor.transcript(String.valueOf(e.getMessage()), credential.password());
                        transcript.add(new Exchange(service(), sent, reply));
                        if (session.isOpen() || String.valueOf(e.getMessage()).contains("authentication")
                                || String.valueOf(e.getMessage()).contains("No more")) {
                            return new Attempts.Result(LoginOutcome.REJECTED, "authentication failed");
                        }
                        return new Attempts.Result(LoginOutcome.REFUSED, "session closed: " + reply);
                    }
                }
            }
        });
    }

    /** Algorithms ordered modern, then legacy, then post-quantum hybrids; stable within each group. */
    static <E extends NamedResource> List<E> preferModern(java.util.Collection<E> algorithms) {
        List<E> ordered = new ArrayList<>(algorithms);
        ordered.sort(Comparator.comparingInt(a -> rank(a.getName())));
        return ordered;
    }

    private static int rank(String name) {
        if (name.contains("sntrup") || name.contains("mlkem")) {
            return 2;
        }
        boolean legacy = name.contains("cbc") || name.contains("arcfour") || name.contains("md5")
                || name.endsWith("sha1") || name.endsWith("-96") || name.contains("sha1-etm")
                || name.equals("ssh-rsa") || name.equals("ssh-dss") || name.startsWith("ssh-dss")
                || name.startsWith("ssh-rsa-cert");
        return legacy ? 1 : 0;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
