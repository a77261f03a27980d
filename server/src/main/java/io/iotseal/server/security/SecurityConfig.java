package io.iotseal.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.label.credential.LabelContext;
import io.iotseal.server.IotSealProperties;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.page.PageRequests;
import io.iotseal.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Who may call what (ADR 0022). Three ways in: a form-login session for browsers, a bearer API token
 * for programs, and OIDC login when an identity provider is configured. Coarse rules live here
 * (public reads, everything else signed in); what a caller may see or change of a given record is
 * decided by the services, which know the records.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccountRepository accounts, ObjectMapper mapper, Clock clock,
                            IotSealProperties properties, BrowserLogin browserLogin,
                            ObjectProvider<ClientRegistrationRepository> oidcClients) throws Exception {
        RequestMatcher apiPaths = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth
                        // Public reads: the product registry and the API description (ADR 0022).
                        .requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/*",
                                "/api/v1/products/*/versions").permitAll()
                        // Approved test labs and their accreditation scope are public (issue 12).
                        .requestMatchers(HttpMethod.GET, "/api/v1/labs").permitAll()
                        // Labels (ADR 0050): public keys, status lists and the credentials' JSON-LD context
                        // (ADR 0056), for anyone verifying a label.
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", LabelContext.PATH, "/status/revocation",
                                "/status/suspension", "/api/v1/labels/*", "/api/v1/labels/*/artwork.svg",
                                "/api/v1/labels/*/artwork.png", "/l/*").permitAll()
                        // The pages' style sheets (static files under resources/static/assets) and htmx's webjar.
                        .requestMatchers(HttpMethod.GET, "/assets/**", "/webjars/**").permitAll()
                        // The public site's home page (issue 14, ADR 0074).
                        .requestMatchers(HttpMethod.GET, "/").permitAll()
                        // The public site (issue 14, ADR 0084): registry search, product pages, the label check.
                        .requestMatchers(HttpMethod.GET, "/registry", "/products/*", "/check",
                                "/products/*/openpgp-key.asc").permitAll()
                        .requestMatchers(HttpMethod.POST, "/check").permitAll()
                        // The label registry's search and export (issue 13, ADR 0080): labels of public products.
                        .requestMatchers(HttpMethod.GET, "/api/v1/labels", "/api/v1/labels/export").permitAll()
                        // Open data and the Atom feed of label status changes (issue 13, ADR 0083).
                        .requestMatchers(HttpMethod.GET, "/api/v1/open-data/*", "/api/v1/labels/feed").permitAll()
                        // The retailers' bulk check answers only what the search does, from memory: public too.
                        .requestMatchers(HttpMethod.POST, "/api/v1/labels/check").permitAll()
                        // The registry as a CSAF provider and its security.txt (issue 17, ADR 0098): TLP:WHITE
                        // documents must be freely accessible (CSAF 2.0 requirement 4).
                        .requestMatchers(HttpMethod.GET, "/.well-known/csaf/**", "/.well-known/security.txt").permitAll()
                        // Vulnerability reports (issue 17, ADR 0099): anyone may report about a label and follow the
                        // case through its capability link, which is the reporter's only credential.
                        .requestMatchers(HttpMethod.GET, "/labels/*/report", "/cases/*", "/api/v1/case-links/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/labels/*/report", "/cases/*/messages", "/cases/*/attachments",
                                "/api/v1/labels/*/reports", "/api/v1/case-links/*/messages",
                                "/api/v1/case-links/*/attachments").permitAll()
                        // The audit chain's signed checkpoint (ADR 0066), for anyone to keep copies of.
                        .requestMatchers(HttpMethod.GET, "/audit/checkpoint").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                // Ahead of the CSRF check, which skips only requests this filter signed in (ADR 0064).
                .addFilterBefore(new ApiTokenAuthenticationFilter(accounts, mapper, clock), CsrfFilter.class)
                .addFilterBefore(new SessionCheckFilter(accounts, mapper), AnonymousAuthenticationFilter.class)
                // No session for anonymous callers (ADR 0064, 0075): the page that met the login wall travels as
                // /login?next=... (BrowserLogin), not in a saved request, and a failed login keeps no message: the
                // page is rendered with it at once.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(form -> form.loginPage("/login").successHandler(browserLogin.success())
                        .failureHandler(browserLogin.failure()))
                .logout(logout -> logout.logoutSuccessHandler(browserLogin.logout()))
                // CSRF matters only where a browser sends a session cookie by itself: requests signed in
                // by a valid bearer token, and requests without any session, cannot be forged this way.
                // The XSRF-TOKEN cookie's value is accepted as it is in X-XSRF-TOKEN (or the form's _csrf),
                // so scripts and curl can echo it back; Spring's default would expect a masked copy.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::needsCsrf))
                // CSP and Referrer-Policy on every response, HTML pages included (ADR 0069); HSTS over https,
                // which behind a TLS-terminating proxy is its X-Forwarded-Proto (server.forward-headers-strategy).
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiPaths,
                                new StaticHeadersWriter("Content-Security-Policy", PageHeaders.API_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiPaths),
                                new StaticHeadersWriter("Content-Security-Policy", PageHeaders.PAGE_CSP)))
                        .addHeaderWriter(new StaticHeadersWriter("Referrer-Policy", PageHeaders.REFERRER_POLICY)))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            Problems.write(request, response, mapper, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                    "sign in, or send an API token as 'Authorization: Bearer ...'");
                        }, apiPaths)
                        .defaultAuthenticationEntryPointFor(BrowserLogin.entryPoint(),
                                request -> !apiPaths.matches(request))
                        .accessDeniedHandler((request, response, e) -> {
                            if (PageRequests.wantsPage(request, PageRequests.path(request))) {
                                response.sendError(HttpStatus.FORBIDDEN.value()); // the error page, in the visitor's language
                                return;
                            }
                            Problems.write(request, response, mapper,
                                HttpStatus.FORBIDDEN, "Forbidden", e.getMessage() != null && e.getMessage().contains("CSRF")
                                        ? "missing or wrong CSRF token (send the XSRF-TOKEN cookie back as X-XSRF-TOKEN)"
                                        : "not allowed");
                        }));
        // OIDC login (e.g. Keycloak) only when a client registration is configured (README, "OIDC").
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(new LocalOidcUserService(accounts, properties)))
                    .defaultSuccessUrl("/api/v1/users/me", true));
        }
        return http.build();
    }

    static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if (ApiTokenAuthenticationFilter.authenticatedByToken(request)) {
            return false;
        }
        // A session cookie (valid or not) or a live session means a browser: it must prove the page is ours.
        return request.getRequestedSessionId() != null || request.getSession(false) != null
                || "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /**
     * Argon2id for new password hashes, in Spring Security's "{id}hash" format so the algorithm can be
     * raised later while old hashes still verify.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    WebMvcConfigurer actorResolver(ActorArgumentResolver resolver, PageArgumentResolver pages) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
                resolvers.add(pages);
            }
        };
    }
}
