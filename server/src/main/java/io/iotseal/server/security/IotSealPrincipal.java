package io.iotseal.server.security;

import java.util.UUID;

/** What every way of signing in (password session, API token, OIDC) leaves behind: the local user's id. */
public interface IotSealPrincipal {
    UUID userId();
}
