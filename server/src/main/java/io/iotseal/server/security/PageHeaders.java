package io.iotseal.server.security;

/**
 * The security headers every response carries besides Spring Security's defaults (ADR 0069), in one place
 * because the status-list filter, which runs ahead of Spring Security (ADR 0052), writes them too.
 */
public final class PageHeaders {

    /** JSON is never a document: nothing may load from it or frame it. */
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /**
     * HTML pages (the login page, the public label page): style sheets from this origin only (no inline
     * styles), images from this origin, forms posted only to this origin, no scripts, no framing, no base
     * URL to hijack relative links.
     */
    public static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    /** No page here links out with anything worth leaking; label URLs carry a token. */
    public static final String REFERRER_POLICY = "no-referrer";

    private PageHeaders() {
    }
}
