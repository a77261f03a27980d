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
import org.apache.sshd.common.session.helpers.MissingAttachedSessionException;
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

import org.apache.sshd.common.kex.KexProposalOption;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
        // Start the key exchange at once rather than when authentication begins, so that a handshake
        // failure is seen as such and the server's offer can be recorded without authenticating.
        CoreModuleProperties.SEND_IMMEDIATE_KEXINIT.set(client, true);
        // Embedded daemons (old Dropbear) often offer only legacy algorithms, so the probe enables every
        // algorithm MINA supports, modern ones first. Post-quantum hybrid key exchanges go last: they cost
        // several times more CPU per handshake, every guess is a new handshake, and a probe protects no secrets.
        client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(true,
                preferModern(BuiltinDHFactories.VALUES), ClientBuilder.DH2KEX));
        client.setCipherFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(true,
                preferModern(BuiltinCiphers.VALUES.stream().filter(c -> c != BuiltinCiphers.none).toList()))));
        client.setMacFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(true, preferModern(BuiltinMacs.VALUES))));
        // Host keys in OpenSSH's order of preference, Ed25519 first: a dropbear with only an Ed25519 key may
        // still list RSA, and a client preferring RSA then gets a session the server aborts (issue 15). MINA
        // signs Ed25519 through Bouncy Castle, a runtime dependency of the probe for that reason.
        client.setSignatureFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(true,
                preferModern(hostKeyPreference(BuiltinSignatures.VALUES)))));
        client.addSessionListener(SshHandshake.LISTENER);
        // MINA's two client services, the user-auth one noting the server's list of methods.
        client.setServiceFactories(List.of(new SshHandshake.RecordingUserAuthFactory(),
                org.apache.sshd.client.session.ClientConnectionServiceFactory.INSTANCE));
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
        return attempt(credential, dialer.timeout());
    }

    /**
     * One password on a fresh session. The outcome follows what happened where (ADR 0076): the TCP
     * connection refused, or closed before the server's greeting, is a refusal; a key exchange that breaks
     * off after the greeting is a FAULT (no credential was checked); a server whose methods include neither
     * password nor keyboard-interactive does not offer password login; only an answer to our password is
     * a rejection.
     *
     * @param wait how long to wait for the handshake and for the answer to the password
     */
    @Override
    public LoginAttempt attempt(Credential credential, Duration wait) {
        return Attempts.timed(credential, transcript -> {
            try (Dialer.Permit ignored = dialer.permit()) {
                ClientSession session;
                try {
                    session = client.connect(credential.username(), dialer.target().address().getHostAddress(), port)
                            .verify(dialer.timeout()).getClientSession();
                } catch (IOException e) {
                    if (causedBy(e, ConnectException.class)) {
                        throw new ConnectException("connection refused");
                    }
                    if (causedBy(e, java.net.SocketTimeoutException.class)
                            || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                        return new Attempts.Result(LoginOutcome.UNKNOWN, "no TCP connection in time: " + e.getMessage());
                    }
                    if (causedBy(e, MissingAttachedSessionException.class)) {
                        // The connection closed while MINA was still creating its session, so whether the server
                        // sent its greeting (a fault after it) or not (a refusal) was never recorded: a race in
                        // the client, not evidence of either (issue 15, seen 1 in ~50 CI runs).
                        return new Attempts.Result(LoginOutcome.UNKNOWN, "connection closed while the SSH session "
                                + "was being set up; whether the server sent its greeting is not known");
                    }
                    return new Attempts.Result(LoginOutcome.REFUSED, "no SSH session: " + e.getMessage());
                }
                try (session) {
                    // addPasswordIdentity refuses "", but an empty password is a real default (root with none).
                    session.setPasswordIdentityProvider(PasswordIdentityProvider.wrapPasswords(credential.password()));
                    String sent = "userauth user=" + credential.username() + " password="
                            + Redactor.password(credential.password());
                    try {
                        var auth = session.auth();
                        if (!auth.await(wait)) {
                            // No answer in time is never evidence either way: in particular it must not read as
                            // "password login offered" and a rejection (a key-only server under load, issue 15).
                            if (!SshHandshake.serverKeyProven(session)) {
                                return handshakeFailure(session, wait, transcript);
                            }
                            transcript.add(new Exchange(service(), sent, "no answer in " + wait.toMillis() + " ms"));
                            return new Attempts.Result(LoginOutcome.UNKNOWN, "no answer to the authentication in "
                                    + wait.toMillis() + " ms");
                        }
                        auth.verify();
                        transcript.add(new Exchange(service(), sent, "authentication succeeded; disconnected"));
                        return new Attempts.Result(LoginOutcome.ACCEPTED, "password accepted");
                    } catch (IOException e) {
                        if (!SshHandshake.serverKeyProven(session)) {
                            return handshakeFailure(session, wait, transcript);
                        }
                        String reply = Redactor.transcript(String.valueOf(e.getMessage()), credential.password());
                        List<String> methods = session.getAttribute(SshHandshake.SERVER_AUTH_METHODS);
                        if (methods == null && session.isOpen()) {
                            // The server never sent its method list, so whether it takes passwords is unknown
                            // (a closed session stays a refusal below, as a lockout disconnects).
                            transcript.add(new Exchange(service(), sent, reply));
                            return new Attempts.Result(LoginOutcome.UNKNOWN, "authentication ended before the server "
                                    + "listed its methods: " + reply);
                        }
                        if (methods != null && !methods.contains("password") && !methods.contains("keyboard-interactive")) {
                            transcript.add(new Exchange(service(), "userauth user=" + credential.username() + " method=none",
                                    "server offers: " + String.join(",", methods)));
                            return new Attempts.Result(LoginOutcome.NOT_OFFERED, "password login not offered; the server "
                                    + "lists only " + String.join(",", methods));
                        }
                        transcript.add(new Exchange(service(), sent, reply));
                        if (session.isOpen() || reply.contains("authentication") || reply.contains("No more")) {
                            return new Attempts.Result(LoginOutcome.REJECTED, "authentication failed");
                        }
                        if (reply.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                            return new Attempts.Result(LoginOutcome.UNKNOWN, "no answer to the password in "
                                    + wait.toMillis() + " ms");
                        }
                        return new Attempts.Result(LoginOutcome.REFUSED, "session closed: " + reply);
                    }
                }
            }
        });
    }

    /**
     * Why authentication ended before the key exchange completed: the server closed before its greeting
     * (a refusal), broke off after it (a fault), or did not finish in time (unknown).
     */
    private Attempts.Result handshakeFailure(ClientSession session, Duration wait, List<Exchange> transcript) {
        String greeting = session.getServerVersion();
        Throwable failure = session.getAttribute(SshHandshake.FAILURE);
        var proposal = session.getServerKexProposals();
        String offer = offerText(proposal == null || proposal.isEmpty() ? session.getAttribute(SshHandshake.SERVER_PROPOSAL) : proposal);
        if (session.isOpen()) {
            transcript.add(new Exchange(service(), "(key exchange)", "no completed key exchange in " + wait.toMillis() + " ms"));
            return new Attempts.Result(LoginOutcome.UNKNOWN, "key exchange did not finish in " + wait.toMillis() + " ms");
        }
        if (greeting == null) {
            transcript.add(new Exchange(service(), "(connect)", "closed before the SSH greeting"));
            return new Attempts.Result(LoginOutcome.REFUSED, "connection closed before the SSH greeting");
        }
        String reason = failure == null ? "the server closed the connection" : failure.getMessage();
        transcript.add(new Exchange(service(), "(key exchange)", "handshake with " + greeting + " failed: " + reason
                + (offer.isEmpty() ? "" : "; server offered " + offer)));
        return new Attempts.Result(LoginOutcome.FAULT, "SSH handshake failed after the server's greeting: " + reason);
    }

    /**
     * The algorithms the server offers, from one handshake without authentication (nothing is sent but
     * the key exchange). Empty when the handshake did not get as far as the server's proposal.
     */
    public SshOffer offer() throws IOException {
        try (Dialer.Permit ignored = dialer.permit();
             ClientSession session = client.connect("iotseal-probe", dialer.target().address().getHostAddress(), port)
                     .verify(dialer.timeout()).getClientSession()) {
            // Authentication with no identity at all: MINA then runs the key exchange and asks for the
            // method list ("none"), and no password or key is ever sent.
            session.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
            session.auth().await(dialer.timeout());
            Map<KexProposalOption, String> proposal = session.getServerKexProposals();
            if (proposal == null || proposal.isEmpty()) {
                proposal = session.getAttribute(SshHandshake.SERVER_PROPOSAL);
            }
            Throwable failure = session.getAttribute(SshHandshake.FAILURE);
            return new SshOffer(String.valueOf(session.getServerVersion()),
                    SshHandshake.offered(proposal, KexProposalOption.ALGORITHMS),
                    SshHandshake.offered(proposal, KexProposalOption.SERVERKEYS),
                    SshHandshake.offered(proposal, KexProposalOption.S2CENC),
                    SshHandshake.offered(proposal, KexProposalOption.S2CMAC),
                    failure == null ? "" : String.valueOf(failure.getMessage()));
        }
    }

    /** What a handshake restricted to one host-key algorithm showed. */
    public enum HostKeyUse {
        /** The key exchange completed with that host-key algorithm. */
        USABLE,
        /** The server broke the handshake off: it advertises the algorithm but has no key for it. */
        NOT_USABLE,
        /** No completed exchange and no abort in time, or an algorithm the probe cannot offer. */
        UNKNOWN
    }

    /**
     * One handshake offering only {@code algorithm} as host-key algorithm, no authentication. Dropbear lists
     * ssh-rsa even with only an Ed25519 key and aborts a client that insists on it (issue 15), so an advertised
     * weak host-key algorithm matters only if it can be negotiated (ADR 0076).
     */
    public HostKeyUse hostKeyUse(String algorithm) {
        var signature = BuiltinSignatures.fromFactoryName(algorithm);
        if (signature == null || !signature.isSupported()) {
            return HostKeyUse.UNKNOWN;
        }
        SshClient restricted = newClient();
        restricted.setSignatureFactories(new ArrayList<>(List.of(signature)));
        restricted.start();
        try (Dialer.Permit ignored = dialer.permit();
             ClientSession session = restricted.connect("iotseal-probe", dialer.target().address().getHostAddress(), port)
                     .verify(dialer.timeout()).getClientSession()) {
            session.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
            session.auth().await(dialer.timeout());
            if (SshHandshake.serverKeyProven(session)) {
                return HostKeyUse.USABLE;
            }
            return !session.isOpen() && session.getServerVersion() != null ? HostKeyUse.NOT_USABLE : HostKeyUse.UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return HostKeyUse.UNKNOWN;
        } finally {
            restricted.stop();
        }
    }

    private static String offerText(Map<KexProposalOption, String> proposal) {
        if (proposal == null) {
            return "";
        }
        return "host keys " + proposal.getOrDefault(KexProposalOption.SERVERKEYS, "") + ", kex "
                + proposal.getOrDefault(KexProposalOption.ALGORITHMS, "");
    }

    /** Ed25519, then ECDSA, then RSA with SHA-2, then the rest; certificates after plain keys. */
    static List<BuiltinSignatures> hostKeyPreference(java.util.Collection<BuiltinSignatures> all) {
        List<BuiltinSignatures> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparingInt(s -> hostKeyRank(s.getName())));
        return ordered;
    }

    private static int hostKeyRank(String name) {
        int rank = name.startsWith("ssh-ed25519") ? 0 : name.startsWith("ecdsa-") ? 1 : name.startsWith("rsa-sha2-512") ? 2
                : name.startsWith("rsa-sha2-256") ? 3 : name.startsWith("sk-") ? 5 : 4;
        return rank * 2 + (name.contains("cert") ? 1 : 0);
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
