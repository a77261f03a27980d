package io.iotseal.server.security;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Role;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The consoles' coarse rule (ADR 0086): every route under {@code /operator} needs an operator role, every
 * route under {@code /lab} a lab evaluator's, checked against the memberships as they are in the database now
 * (roles are not Spring authorities here: they are per organization and loaded per request). The security
 * chain has already sent anonymous visitors to the sign-in page; a signed-in user without the role gets the
 * 403 page. Which records a page may show is still the services' decision (a lab sees only its assignments).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoles implements WebMvcConfigurer {

    private final AccountRepository accounts;

    ConsoleRoles(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Actor actor = ActorArgumentResolver.current(accounts);
                if (!actor.isOperator()) {
                    throw ApiException.forbidden("the operator console is for the scheme operator's people");
                }
                return true;
            }
        }).addPathPatterns("/operator", "/operator/**");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!ActorArgumentResolver.current(accounts).hasRole(Role.LAB_EVALUATOR)) {
                    throw ApiException.forbidden("the lab console is for test labs' evaluators");
                }
                return true;
            }
        }).addPathPatterns("/lab", "/lab/**");
    }
}
