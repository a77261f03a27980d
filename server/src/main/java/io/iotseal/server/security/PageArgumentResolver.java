package io.iotseal.server.security;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.page.Page;
import io.iotseal.server.page.PageRequests;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Gives controller methods a {@link Page} parameter (ADR 0074): the language, the CSRF token (from the
 * cookie repository, so rendering a form creates no session, ADR 0075), and the signed-in user with
 * roles fresh from the database. Lives here, not in {@code page}, because it reads who is signed in.
 */
@Component
public class PageArgumentResolver implements HandlerMethodArgumentResolver {

    private final AccountRepository accounts;
    private final MessageSource messages;

    public PageArgumentResolver(AccountRepository accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Page.class;
    }

    @Override
    public Page resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                WebDataBinderFactory binders) {
        return page(web.getNativeRequest(HttpServletRequest.class), accounts, messages);
    }

    static Page page(HttpServletRequest request, AccountRepository accounts, MessageSource messages) {
        return page(request, RequestContextUtils.getLocale(request), accounts, messages);
    }

    static Page page(HttpServletRequest request, java.util.Locale locale, AccountRepository accounts, MessageSource messages) {
        Actor actor;
        try {
            actor = ActorArgumentResolver.current(accounts);
        } catch (DataAccessException databaseDown) {
            actor = Actor.ANONYMOUS; // the error page must still render when the database is unreachable
        }
        // On an error dispatch the page is the one that failed, not /error.
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String s ? s.substring(request.getContextPath().length()) : PageRequests.path(request);
        String query = failed instanceof String ? null : request.getQueryString();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Supplier<String> parameter = csrf == null ? () -> "_csrf" : csrf::getParameterName;
        Supplier<String> token = csrf == null ? () -> "" : csrf::getToken;
        if (actor.authenticated()) {
            // Made now, while the response can still take its cookie: a console page streams its HTML, and
            // its forms may come after the first buffer is sent (ADR 0090).
            String p = parameter.get();
            String t = token.get();
            parameter = () -> p;
            token = () -> t;
        }
        // An anonymous visitor's token is made only when a template renders a form (the sign-in and check
        // pages, which are short): reading it sets its cookie, which would keep shared caches from storing
        // a public page. Without a session no request but the sign-in needs it (SecurityConfig.needsCsrf).
        return new Page(messages, locale, path, query, parameter, token,
                actor.authenticated() ? actor.username() : null,
                actor.memberships().stream().map(Membership::role).collect(Collectors.toSet()));
    }
}
