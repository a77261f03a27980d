package io.iotseal.server.security;

import io.iotseal.server.account.SessionCarryOver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The session a request came with, after its user's sessions were ended by raising the epoch (a
 * password change ends the user's other sessions, not the one that made it): it moves to the new
 * epoch under a new session id. Requests with an API token have no session and are left alone.
 */
@Component
public class CurrentSession implements SessionCarryOver {

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    @Override
    public void carryOver(long epoch, HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SessionPrincipal principal) || request.getSession(false) == null) {
            return;
        }
        Authentication moved = auth instanceof OAuth2AuthenticationToken oidc
                ? new OAuth2AuthenticationToken((OAuth2User) principal.atEpoch(epoch), oidc.getAuthorities(),
                        oidc.getAuthorizedClientRegistrationId())
                : UsernamePasswordAuthenticationToken.authenticated(principal.atEpoch(epoch), null, auth.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(moved);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        SESSIONS.saveContext(context, request, response);
    }
}
