package io.iotseal.server.label;

import io.iotseal.server.page.Languages;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Serves an anonymous visitor's label page from memory ahead of Spring Security and Spring MVC, as
 * {@link StatusListFilter} does for the status lists (ADR 0052, 0090): a QR-code scan is the registry's most
 * frequent request, and once the page is remembered the filter chain and handler lookup were most of its
 * cost. Only a remembered page is answered here, and only for the plainest request (GET or HEAD of
 * {@code /l/{id}} with no query, no session cookie, no Authorization header, not asking for JSON);
 * everything else, including the first request that renders and remembers the page, goes the usual way
 * through {@link LabelPageController}, whose headers this reproduces (LabelPageFilterTest compares them).
 */
final class LabelPageFilter implements Filter {

    /** One path segment of the characters a label id or QR token uses; anything odder takes the usual way. */
    private static final Pattern PAGE = Pattern.compile("/l/[A-Za-z0-9_-]{1,200}");
    private static final String SESSION_COOKIE = "JSESSIONID";

    private final StatusListService service;
    private final Languages languages = new Languages();

    LabelPageFilter(StatusListService service) {
        this.service = service;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        LabelPageCache.Rendered page = plain(request) ? remembered(request) : null;
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        StatusListFilter.securityHeaders(request, response);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Language, Accept, Cookie");
        response.setHeader("ETag", page.etag());
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && LabelPageController.matches(ifNoneMatch, page.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.html().length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(page.html());
        }
    }

    private LabelPageCache.Rendered remembered(HttpServletRequest request) {
        String lang = languages.resolveLocale(request).getLanguage();
        // The key LabelPageController remembers the page under: its address with the language, and the language.
        return service.rememberedLabelPage(new LabelPageCache.Key(request.getRequestURI() + "?lang=" + lang, lang));
    }

    /** A request whose page is the same for every anonymous visitor of a language. */
    private static boolean plain(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null
                || !request.getContextPath().isEmpty() || !PAGE.matcher(request.getRequestURI()).matches()
                || request.getHeader("Authorization") != null
                || LabelPageController.prefersJson(request.getHeader("Accept"))) {
            return false;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (SESSION_COOKIE.equals(cookie.getName())) {
                    return false; // perhaps signed in: their page names them
                }
            }
        }
        return true;
    }

    /** Mapped to the label pages only, right after the body-size cap, as the status-list filter is. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<LabelPageFilter> labelPageFilter(StatusListService service) {
            FilterRegistrationBean<LabelPageFilter> registration = new FilterRegistrationBean<>(new LabelPageFilter(service));
            registration.addUrlPatterns("/l/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
