package io.iotseal.server.security;

import io.iotseal.server.account.ApiTokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Authorization: Bearer iots_...}: looks the token's hash up and signs the request in as its
 * user for this request only (nothing goes into a session). A bad, expired or revoked token is a 401
 * at once rather than a quiet fall back to anonymous, so a client notices. It runs ahead of the CSRF
 * check, which trusts only requests it signed in.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ApiTokenAuthenticationFilter(AccountRepository accounts, ObjectMapper mapper, Clock clock) {
        this.accounts = accounts;
        this.mapper = mapper;
        this.clock = clock;
    }

    private static final String AUTHENTICATED_BY_TOKEN = ApiTokenAuthenticationFilter.class.getName() + ".token";

    /**
     * Whether this filter signed the request in with a valid token. Only such requests skip the CSRF
     * check: a request merely carrying some Authorization header may still ride on a session cookie.
     */
    public static boolean authenticatedByToken(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED_BY_TOKEN));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        Optional<UUID> user = ApiTokens.wellFormed(secret)
                ? accounts.userForToken(ApiTokens.hash(secret), OffsetDateTime.now(clock))
                : Optional.empty();
        if (user.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(request, response, mapper, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "the bearer token is unknown, expired or revoked");
            return;
        }
        request.setAttribute(AUTHENTICATED_BY_TOKEN, Boolean.TRUE);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authenticated API token; its principal is the token's user. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {
        private final TokenPrincipal principal;

        TokenAuthentication(UUID userId) {
            super(List.of());
            this.principal = new TokenPrincipal(userId);
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }

    record TokenPrincipal(UUID userId) implements IotSealPrincipal {
    }
}
