package io.iotseal.server.label;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.iotseal.server.page.Page;
import io.iotseal.server.security.PageHeaders;
import io.iotseal.server.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.Map;

/**
 * The public page a label's QR code opens (issue 5): no login, Japanese or English by the browser's
 * language with a switch, every value HTML-escaped; {@code idOrToken} is the label id or the QR token.
 */
@RestController
class LabelPageController {

    private final PublicLabels publicLabels;
    private final StatusListService statusLists;
    private final TemplateEngine templates;

    LabelPageController(PublicLabels publicLabels, StatusListService statusLists, TemplateEngine templates) {
        this.statusLists = statusLists;
        this.templates = templates;
        this.publicLabels = publicLabels;
    }

    /**
     * HTML for people (and for any client that does not ask otherwise); the same facts as JSON for a
     * client that prefers {@code application/json}, such as {@code iotseal label verify --online}. One
     * handler decides, because Spring's own negotiation would answer a request without Accept with JSON.
     */
    @GetMapping("/l/{idOrToken}")
    public ResponseEntity<?> page(@PathVariable String idOrToken, Page page,
                                  @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                  @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (prefersJson(accept)) {
            statusLists.applyDueLapses();
            PublicLabelStatus status = publicLabels.publicStatus(idOrToken);
            if (status == null) {
                throw ApiException.notFound("label");
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(status);
        }
        // The language: ?lang= (the switch), the cookie it leaves, then Accept-Language (ADR 0074). The page
        // is the same for every anonymous visitor of a language: rendered once while nothing on it changes
        // (ADR 0090). A signed-in visitor's header names them: theirs is rendered for them.
        LabelPageCache.Rendered rendered;
        if (page.signedIn()) {
            statusLists.applyDueLapses();
            rendered = render(page, idOrToken);
        } else {
            rendered = statusLists.labelPage(new LabelPageCache.Key(page.inLanguage(page.lang()), page.lang()),
                    () -> render(page, idOrToken));
        }
        // Anyone (and any shared cache) may keep it, but asks again each time: a suspension shows at once.
        // The ETag lets that answer be a 304 without the page.
        HttpStatus status = HttpStatus.valueOf(rendered.status());
        boolean notModified = status == HttpStatus.OK && matches(ifNoneMatch, rendered.etag());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(notModified ? HttpStatus.NOT_MODIFIED : status)
                .header(HttpHeaders.CACHE_CONTROL, page.signedIn() ? "private, no-cache" : "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.ACCEPT + ", " + HttpHeaders.COOKIE);
        if (status == HttpStatus.OK) {
            response.eTag(rendered.etag());
        }
        if (notModified) {
            return response.build();
        }
        return response.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PageHeaders.PAGE_CSP)
                .body(rendered.html());
    }

    private LabelPageCache.Rendered render(Page page, String idOrToken) {
        LabelPage.Facts facts = publicLabels.publicPage(idOrToken, page.lang());
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("label", facts);
        StringOutput html = new StringOutput(8192);
        templates.render(facts == null ? "label/not-found.jte" : "label/page.jte", model, html);
        return LabelPageCache.Rendered.of(facts == null ? 404 : 200, html.toString());
    }

    /** Whether If-None-Match names this ETag (or is "*"); weak forms count, as for a GET they should. */
    static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && !ifNoneMatch.isBlank() && StatusListFilter.matches(ifNoneMatch, etag);
    }

    /** True when Accept names JSON explicitly and ranks it above HTML (wildcards count for HTML). */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double json = 0;
        double html = 0;
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                double q = type.getQualityValue();
                if (!type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    json = Math.max(json, q);
                } else if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                    html = Math.max(html, q);
                }
            }
        } catch (IllegalArgumentException e) {          // a malformed Accept gets the page
            return false;
        }
        return json > html;
    }
}
