package io.iotseal.server.security;

import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.page.Languages;
import io.iotseal.server.page.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where sign-in and sign-out lead (ADR 0074, 0075). A browser (it asks for text/html) lands on its
 * dashboard; a failed attempt gets the sign-in page again at once, with the message next to the form
 * and the name it typed, and no session and no redirect; sign-out goes back to the sign-in page.
 * Scripts keep the API's answers: their own record, a redirect to /login?error, 204 on sign-out.
 */
@Component
public class BrowserLogin {

    private static final Languages LANGUAGES = new Languages();

    private final TemplateEngine templates;
    private final AccountRepository accounts;
    private final MessageSource messages;

    public BrowserLogin(TemplateEngine templates, AccountRepository accounts, MessageSource messages) {
        this.templates = templates;
        this.accounts = accounts;
        this.messages = messages;
    }

    static boolean browser(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    AuthenticationSuccessHandler success() {
        return (request, response, authentication) -> response.sendRedirect(
                request.getContextPath() + (browser(request) ? "/dashboard" : "/api/v1/users/me"));
    }

    AuthenticationFailureHandler failure() {
        SimpleUrlAuthenticationFailureHandler back = new SimpleUrlAuthenticationFailureHandler("/login?error");
        back.setAllowSessionCreation(false);
        return (request, response, e) -> {
            Long retryAfter = e instanceof PasswordLogin.TooManyAttempts throttled ? throttled.retryAfterSeconds() : null;
            if (retryAfter != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            }
            if (browser(request)) {
                render(request, response, e, retryAfter);
            } else {
                back.onAuthenticationFailure(request, response, e);
            }
        };
    }

    LogoutSuccessHandler logout() {
        return (request, response, authentication) -> {
            if (browser(request)) {
                response.sendRedirect(request.getContextPath() + "/login?logout");
            } else {
                response.setStatus(HttpStatus.NO_CONTENT.value());
            }
        };
    }

    private void render(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
                        Long retryAfter) throws IOException {
        Page page = PageArgumentResolver.page(request, LANGUAGES.resolveLocale(request), accounts, messages);
        String error = retryAfter != null ? page.t("login.error.throttled", retryAfter) : page.t("login.error.wrong");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", page);
        model.put("username", request.getParameter("username"));
        model.put("error", error);
        model.put("notice", null);
        response.setStatus(retryAfter != null ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.OK.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        templates.render("page/login.jte", model, new PrintWriterOutput(response.getWriter()));
    }
}
