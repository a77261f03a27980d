package io.iotseal.server.security;

import io.iotseal.server.IotSealProperties;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.User;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.List;
import java.util.UUID;

/**
 * OIDC login maps the identity provider's user onto an existing local account by a claim
 * ({@code iotseal.oidc-username-claim}, default {@code preferred_username}). Accounts are not created
 * on the fly: roles in a scheme are granted by its admins, not by whoever the IdP lets in.
 */
public class LocalOidcUserService extends OidcUserService {

    private final AccountRepository accounts;
    private final String claim;

    public LocalOidcUserService(AccountRepository accounts, IotSealProperties properties) {
        this.accounts = accounts;
        this.claim = properties.oidcUsernameClaim();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = super.loadUser(request);
        String username = oidc.getClaimAsString(claim);
        User user = username == null ? null : accounts.findByUsername(username).filter(User::enabled).orElse(null);
        if (user == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "no enabled IoTSeal account matches the '" + claim + "' claim", null));
        }
        return new LinkedOidcUser(oidc, user.id(), user.sessionEpoch());
    }

    /** The IdP's user, linked to the local account it signed in as. */
    static final class LinkedOidcUser extends DefaultOidcUser implements SessionPrincipal {
        private final UUID userId;
        private final long sessionEpoch;

        LinkedOidcUser(OidcUser oidc, UUID userId, long sessionEpoch) {
            super(List.of(), oidc.getIdToken(), oidc.getUserInfo());
            this.userId = userId;
            this.sessionEpoch = sessionEpoch;
        }

        @Override
        public UUID userId() {
            return userId;
        }

        @Override
        public long sessionEpoch() {
            return sessionEpoch;
        }

        @Override
        public LinkedOidcUser atEpoch(long epoch) {
            return new LinkedOidcUser(this, userId, epoch);
        }
    }
}
