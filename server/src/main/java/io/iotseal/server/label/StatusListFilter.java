package io.iotseal.server.label;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.label.status.StatusPurpose;
import io.iotseal.server.security.PageHeaders;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.DatabaseOutage;
import io.iotseal.server.web.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.util.Map;

/**
 * Serves the two public status lists ahead of Spring Security and Spring MVC (ADR 0052): anyone may read
 * them, there is nothing to authenticate, and the pre-signed bytes are ready in memory, so the filter
 * chain, handler lookup and message conversion were most of the time a request took. Only GET and HEAD
 * of exactly these paths are answered here, with the headers Spring Security writes on every other
 * response; anything else goes down the usual chain (firewall, authentication, 401/405).
 */
public final class StatusListFilter implements Filter {

    /** The paths served here, for the route table the authorization matrix checks. */
    public static final Map<String, StatusPurpose> PATHS = Map.of("/status/revocation", StatusPurpose.REVOCATION,
            "/status/suspension", StatusPurpose.SUSPENSION);

    private final StatusListService service;
    private final ObjectMapper mapper;

    StatusListFilter(StatusListService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        // The raw URI, exactly: "/status/revocation;x" or "/status/%72evocation" take the usual way (the firewall).
        StatusPurpose purpose = request.getContextPath().isEmpty() ? PATHS.get(request.getRequestURI()) : null;
        if (purpose == null || !("GET".equals(method) || "HEAD".equals(method))) {
            chain.doFilter(request, response);
            return;
        }
        SignedStatusList list;
        try {
            list = service.statusList(purpose);
        } catch (ApiException e) {
            Problems.write(request, response, mapper, e.status(), e.title(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.is(e)) {
                throw e;
            }
            DatabaseOutage.write(request, response, mapper); // and no list signed before the outage is still valid
            return;
        }
        securityHeaders(request, response);
        response.setHeader("ETag", list.etag());
        response.setHeader("Cache-Control", "max-age=" + service.statusMaxAgeSeconds(list) + ", public");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, list.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(PublicLabelController.VC_JWT_VALUE);
        response.setContentLength(list.bytes().length);
        if ("GET".equals(method)) {
            response.getOutputStream().write(list.bytes());
        }
    }

    /** The headers Spring Security adds to every response (HSTS only over https), as SecurityConfig sets them. */
    static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", PageHeaders.PAGE_CSP);
        response.setHeader("Referrer-Policy", PageHeaders.REFERRER_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }

    /** Weak comparison (RFC 9110 13.1.2), as If-None-Match requires. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Mapped to exactly the two paths, so no other request passes through it; right after the body-size cap. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<StatusListFilter> statusListFilter(StatusListService service, ObjectMapper mapper) {
            FilterRegistrationBean<StatusListFilter> registration =
                    new FilterRegistrationBean<>(new StatusListFilter(service, mapper));
            registration.addUrlPatterns(PATHS.keySet().toArray(String[]::new));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
