package io.iotseal.probe.credential;

import java.util.List;

/**
 * What an SSH server offers in its key exchange proposal (RFC 4253 section 7.1), server-to-client
 * direction for ciphers and MACs.
 *
 * @param greeting the server's identification string
 * @param failure  why the handshake failed, or "" when it completed
 */
public record SshOffer(String greeting, List<String> keyExchanges, List<String> hostKeys, List<String> ciphers,
                       List<String> macs, String failure) {
    public SshOffer {
        keyExchanges = List.copyOf(keyExchanges);
        hostKeys = List.copyOf(hostKeys);
        ciphers = List.copyOf(ciphers);
        macs = List.copyOf(macs);
    }

    /** Whether the server's proposal was seen at all. */
    public boolean seen() {
        return !keyExchanges.isEmpty();
    }
}
