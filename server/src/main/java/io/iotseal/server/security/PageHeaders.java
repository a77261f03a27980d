package io.iotseal.server.security;

/**
 * The security headers every response carries besides Spring Security's defaults (ADR 0069), in one place
 * because the status-list filter, which runs ahead of Spring Security (ADR 0052), writes them too.
 */
public final class PageHeaders {

    /** JSON is never a document: nothing may load from it or frame it. */
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /**
     * HTML pages (ADR 0069, 0074): scripts (htmx) and style sheets from files of this origin only, never
     * inline (htmx is told by its htmx-config meta tag not to inject its indicator style), images from this
     * origin, htmx's requests and forms only to this origin, no framing, no base URL to hijack relative links.
     */
    public static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** No page here links out with anything worth leaking; label URLs carry a token. */
    public static final String REFERRER_POLICY = "no-referrer";

    private PageHeaders() {
    }
}
