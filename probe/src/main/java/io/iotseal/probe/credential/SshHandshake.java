package io.iotseal.probe.credential;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientUserAuthService;
import org.apache.sshd.client.session.ClientUserAuthServiceFactory;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the probe records of an SSH handshake, as session attributes set by MINA callbacks: the server's
 * algorithm proposal, why a key exchange failed, and the authentication methods the server lists. The
 * last is what tells "password login not offered" (a key-only server) from "password rejected".
 */
final class SshHandshake {
    static final AttributeKey<Map<KexProposalOption, String>> SERVER_PROPOSAL = new AttributeKey<>();
    static final AttributeKey<Throwable> FAILURE = new AttributeKey<>();
    static final AttributeKey<List<String>> SERVER_AUTH_METHODS = new AttributeKey<>();

    private SshHandshake() {
    }

    /** Records the server's proposal and the reason a negotiation or the session failed. */
    static final SessionListener LISTENER = new SessionListener() {
        @Override
        public void sessionNegotiationStart(Session session, Map<KexProposalOption, String> clientProposal,
                                            Map<KexProposalOption, String> serverProposal) {
            if (serverProposal != null && !serverProposal.isEmpty()) {
                session.setAttribute(SERVER_PROPOSAL, withoutNulls(serverProposal));
            }
        }

        @Override
        public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                          Map<KexProposalOption, String> serverProposal,
                                          Map<KexProposalOption, String> negotiatedOptions, Throwable reason) {
            if (serverProposal != null && !serverProposal.isEmpty()) {
                session.setAttribute(SERVER_PROPOSAL, withoutNulls(serverProposal));
            }
            if (reason != null) {
                session.setAttribute(FAILURE, reason);
            }
        }

        @Override
        public void sessionException(Session session, Throwable t) {
            if (session.getAttribute(FAILURE) == null) {
                session.setAttribute(FAILURE, t);
            }
        }
    };

    /** The user-auth service, noting the server's list of methods before the client picks the next one. */
    static final class RecordingUserAuthFactory extends ClientUserAuthServiceFactory {
        @Override
        public Service create(Session session) throws IOException {
            return new ClientUserAuthService(session) {
                @Override
                protected void tryNext(int cmd, AuthFuture future) throws Exception {
                    if (serverMethods != null) {
                        session.setAttribute(SERVER_AUTH_METHODS, List.copyOf(serverMethods));
                    }
                    super.tryNext(cmd, future);
                }
            };
        }
    }

    /**
     * Whether the server signed the key exchange with a host key of the negotiated type: MINA records the
     * server's key only after verifying that signature. Neither MINA's KexCompleted event (fired once the
     * algorithms are agreed, before the server signs: dropbear asked for ssh-rsa without an RSA key aborts
     * after it) nor a session attribute (cleared when the server closes) can tell this reliably (issue 15).
     */
    static boolean serverKeyProven(ClientSession session) {
        return session.getServerKey() != null;
    }

    /** A copy without null values (MINA leaves the language options null; Map.copyOf rejects nulls). */
    private static Map<KexProposalOption, String> withoutNulls(Map<KexProposalOption, String> proposal) {
        Map<KexProposalOption, String> copy = new java.util.EnumMap<>(KexProposalOption.class);
        proposal.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** The server's offer for one option as a list ("" when not known). */
    static List<String> offered(Map<KexProposalOption, String> proposal, KexProposalOption option) {
        String value = proposal == null ? null : proposal.get(option);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        // ext-info-s and kex-strict-s-v00@openssh.com are signals (RFC 8308, OpenSSH strict KEX), not algorithms.
        return java.util.Arrays.stream(value.split(","))
                .filter(name -> !name.startsWith("ext-info-") && !name.startsWith("kex-strict-")).toList();
    }
}
