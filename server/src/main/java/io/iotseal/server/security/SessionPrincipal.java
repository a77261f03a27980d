package io.iotseal.server.security;

/**
 * A principal kept in a server-side session (password or OIDC login, not an API token). It remembers
 * the user's session epoch at sign-in; once the database's epoch has moved on (password change or
 * reset, disabling, an admin ending the sessions) the session is over, on every instance (ADR 0065).
 */
public interface SessionPrincipal extends IotSealPrincipal {

    long sessionEpoch();

    /** The same principal at another epoch: how the session that changed the password lives on. */
    SessionPrincipal atEpoch(long epoch);
}
