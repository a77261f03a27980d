package io.iotseal.server.page;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a browser asking for a page from a program asking the API, so errors can be answered in kind:
 * an error page in the visitor's language, or problem+json (ADR 0074). Everything under /api/ is the API.
 */
public final class PageRequests {

    private PageRequests() {
    }

    public static boolean wantsPage(HttpServletRequest request, String path) {
        if (path == null || path.startsWith("/api/") || path.equals("/api")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    public static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
