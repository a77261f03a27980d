package io.iotseal.server.registry;

import io.iotseal.label.credential.LabelContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CORS for what anyone may read (issue 13, ADR 0080): the status lists, the JWKS, the JSON-LD context, a
 * label's JSON (and its page's JSON, the live status), the label search, the open data and the status feed, so a verifier running in a browser on another origin can fetch them.
 * Any origin, GET and HEAD only, and never with credentials: a browser sends no cookie or Authorization
 * header cross-origin under these rules, so a signed-in user's page cannot be read by another site. Every
 * other path gets no CORS header at all. Ahead of every other filter, since the status lists are answered
 * before Spring Security (ADR 0052) and a preflight carries no credentials to check.
 */
final class PublicReadCors extends OncePerRequestFilter {

    private static final Set<String> PATHS = Set.of("/status/revocation", "/status/suspension",
            "/.well-known/jwks.json", LabelContext.PATH, "/api/v1/labels", "/api/v1/labels/export",
            "/api/v1/labels/feed", "/api/v1/open-data/labels.jsonl.gz", "/api/v1/open-data/labels.jsonl.gz.jws",
            "/api/v1/open-data/labels.jsonl.gz.sha256", "/api/v1/open-data/dcat.jsonld");
    /**
     * A label by id, and its public page whose JSON form is the live status verifiers ask for; not a label's
     * sub-resources (the status change is a signed-in POST).
     */
    private static final Pattern LABEL = Pattern.compile("/api/v1/labels/[^/;]+|/l/[^/;]+");
    private static final long PREFLIGHT_MAX_AGE_SECONDS = 86_400;

    static boolean isPublicRead(String path) {
        // The CSAF provider's files and security.txt (ADR 0098) are public reads too.
        return PATHS.contains(path) || LABEL.matcher(path).matches() || path.startsWith("/.well-known/csaf/")
                || path.equals("/.well-known/security.txt");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (origin == null || !isPublicRead(path)) {
            chain.doFilter(request, response);
            return;
        }
        String asked = request.getHeader("Access-Control-Request-Method");
        if ("OPTIONS".equals(request.getMethod()) && asked != null) {
            // A preflight: allowed only for reads; anything else is answered without CORS headers, which the
            // browser takes as a refusal.
            if ("GET".equals(asked) || "HEAD".equals(asked)) {
                response.setHeader("Access-Control-Allow-Origin", "*");
                response.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
                response.setHeader("Access-Control-Max-Age", Long.toString(PREFLIGHT_MAX_AGE_SECONDS));
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", "ETag, Content-Disposition");
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<PublicReadCors> publicReadCors() {
            FilterRegistrationBean<PublicReadCors> bean = new FilterRegistrationBean<>(new PublicReadCors());
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return bean;
        }
    }
}
