package io.iotseal.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.User;
import io.iotseal.server.page.PageRequests;
import io.iotseal.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every request that arrives with a signed-in session against the user's record (ADR 0065):
 * a session of a disabled or deleted user, or from before the user's session epoch moved on, is
 * ended and the request goes on as anonymous. A user signed in with a one-time password may only
 * read their account, change the password and sign out until they have changed it.
 */
public class SessionCheckFilter extends OncePerRequestFilter {

    /** What a one-time password allows: the way to a password of the user's own. */
    private static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of(
            "GET /api/v1/users/me", "PUT /api/v1/users/me/password", "POST /logout", "GET /logout", "GET /login",
            "GET /error", "GET /account/password", "POST /account/password");

    private final AccountRepository accounts;
    private final ObjectMapper mapper;

    public SessionCheckFilter(AccountRepository accounts, ObjectMapper mapper) {
        this.accounts = accounts;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SessionPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> user = accounts.find(principal.userId());
        if (user.isEmpty() || !user.get().enabled() || user.get().sessionEpoch() != principal.sessionEpoch()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        } else if (user.get().mustChangePassword() && principal instanceof LocalUser
                && !BEFORE_PASSWORD_CHANGE.contains(request.getMethod() + " " + path(request))) {
            String path = path(request);
            if (path.startsWith("/assets/") || path.startsWith("/webjars/")) {
                chain.doFilter(request, response); // the password page's style sheet and script
                return;
            }
            if (PageRequests.wantsPage(request, path)) {
                response.sendRedirect(request.getContextPath() + "/account/password"); // a browser: to the form
                return;
            }
            Problems.write(request, response, mapper, HttpStatus.FORBIDDEN, "Forbidden",
                    "this account signed in with a one-time password: set a new one first"
                            + " (PUT /api/v1/users/me/password)");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
