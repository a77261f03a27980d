package io.iotseal.probe.snmp;

import java.util.Objects;

/**
 * An SNMPv3 account the lab was given for the device (its interface description, IXIT), so the check can
 * observe which USM protocols the agent really uses: {@code --snmpv3-user NAME:AUTH:AUTHPASS[:PRIV:PRIVPASS]}.
 * Passwords are never printed: {@link #toString()} and {@link #describe()} leave them out.
 *
 * @param user            the USM user name
 * @param authProtocol    the authentication protocol name as in {@code snmpv3.yaml} (MD5, SHA, SHA-256...)
 * @param authPassword    its password (at least 8 characters, RFC 3414 section 11.2)
 * @param privacyProtocol the privacy protocol name (DES, AES...), or null for an authNoPriv account
 * @param privacyPassword its password, or null
 */
public record Snmpv3Account(String user, String authProtocol, String authPassword, String privacyProtocol,
                            String privacyPassword) {
    public Snmpv3Account {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authProtocol, "authProtocol");
        Objects.requireNonNull(authPassword, "authPassword");
        if ((privacyProtocol == null) != (privacyPassword == null)) {
            throw new IllegalArgumentException("snmpv3-user: a privacy protocol needs its password");
        }
    }

    /**
     * Parses {@code NAME:AUTH:AUTHPASS[:PRIV:PRIVPASS]}, checking the protocol names against the policy.
     * Passwords may not contain ':'. Messages never repeat the passwords.
     */
    public static Snmpv3Account parse(String spec, Snmpv3Policy policy) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3 && parts.length != 5) {
            throw new IllegalArgumentException("snmpv3-user: expected NAME:AUTH:AUTHPASS or NAME:AUTH:AUTHPASS:PRIV:PRIVPASS "
                    + "(passwords without ':'), got " + parts.length + " fields");
        }
        if (parts[0].isBlank()) {
            throw new IllegalArgumentException("snmpv3-user: the user name is empty");
        }
        String auth = policy.authProtocol(parts[1]).map(Snmpv3Policy.Entry::name).orElseThrow(() ->
                new IllegalArgumentException("snmpv3-user '" + parts[0] + "': unknown authentication protocol '" + parts[1]
                        + "'; known: " + String.join(", ", policy.auth().values().stream().map(Snmpv3Policy.Entry::name).sorted().toList())));
        requireLength(parts[0], "authentication", parts[2]);
        if (parts.length == 3) {
            return new Snmpv3Account(parts[0], auth, parts[2], null, null);
        }
        String priv = policy.privacyProtocol(parts[3]).map(Snmpv3Policy.Entry::name).orElseThrow(() ->
                new IllegalArgumentException("snmpv3-user '" + parts[0] + "': unknown privacy protocol '" + parts[3]
                        + "'; known: " + String.join(", ", policy.privacy().values().stream().map(Snmpv3Policy.Entry::name).sorted().toList())));
        requireLength(parts[0], "privacy", parts[4]);
        return new Snmpv3Account(parts[0], auth, parts[2], priv, parts[4]);
    }

    private static void requireLength(String user, String which, String password) {
        if (password.length() < 8) {
            throw new IllegalArgumentException("snmpv3-user '" + user + "': the " + which + " password must have at least "
                    + "8 characters (RFC 3414 section 11.2)");
        }
    }

    /** "camera (SHA-256, AES)" without passwords. */
    public String describe() {
        return user + " (" + authProtocol + (privacyProtocol == null ? ", no privacy" : ", " + privacyProtocol) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
