package io.iotseal.server.label;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The public page a label's QR code opens (issue 5): no login, Japanese or English by the browser's
 * language with a switch, every value HTML-escaped; {@code idOrToken} is the label id or the QR token.
 */
@RestController
class LabelPageController {

    private final LabelService service;

    LabelPageController(LabelService service) {
        this.service = service;
    }

    @GetMapping(path = "/l/{idOrToken}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String idOrToken, @RequestParam(required = false) String lang,
                                       @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        service.applyDueLapses();
        var page = service.publicPage(idOrToken, language);
        return ResponseEntity.status(page == null ? HttpStatus.NOT_FOUND : HttpStatus.OK)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(page == null ? LabelPage.notFound(language) : page);
    }

    static String language(String lang, String acceptLanguage) {
        if ("ja".equals(lang) || "en".equals(lang)) {
            return lang;
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && (tag.equals("ja") || tag.startsWith("ja-"))) {
                        return "ja";
                    }
                    if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                        return "en";
                    }
                }
            } catch (IllegalArgumentException e) {
                return "en";
            }
        }
        return "en";
    }
}
