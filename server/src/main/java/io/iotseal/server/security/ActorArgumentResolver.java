package io.iotseal.server.security;

import io.iotseal.server.access.Actor;

import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.User;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controller methods an {@link Actor} parameter: the signed-in user with memberships fresh from
 * the database, or {@link Actor#ANONYMOUS}. A session whose user was disabled or deleted since it
 * signed in counts as anonymous.
 */
@Component
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final AccountRepository accounts;

    public ActorArgumentResolver(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binders) {
        return current(accounts);
    }

    static Actor current(AccountRepository accounts) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                || !(auth.getPrincipal() instanceof IotSealPrincipal principal)) {
            return Actor.ANONYMOUS;
        }
        return accounts.find(principal.userId()).filter(User::enabled)
                .map(u -> new Actor(u.id(), u.username(), accounts.memberships(u.id())))
                .orElse(Actor.ANONYMOUS);
    }
}
