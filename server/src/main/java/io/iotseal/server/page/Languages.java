package io.iotseal.server.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The page language (ADR 0074): {@code ?lang=} when a visitor picks one (the switch's links), then the
 * {@value #COOKIE} cookie that choice left, then Accept-Language, then English. The choice lives in a
 * cookie, never in a server session, so anonymous visitors cost the server nothing. A third language is
 * one more entry in {@link #SUPPORTED} and one more messages_xx.properties.
 */
public final class Languages implements LocaleResolver {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);
    public static final String COOKIE = "lang";
    public static final String PARAMETER = "lang";
    private static final Duration KEPT = Duration.ofDays(365);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = supported(request.getParameter(PARAMETER));
        if (chosen != null) {
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue()) != null) {
                    return supported(cookie.getValue());
                }
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge((int) KEPT.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The first supported language the header asks for with a weight above zero; English otherwise. */
    public static Locale fromAcceptLanguage(String header) {
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    for (Locale language : SUPPORTED) {
                        String code = language.getLanguage();
                        if (range.getWeight() > 0 && (tag.equals(code) || tag.startsWith(code + "-"))) {
                            return language;
                        }
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported language with this tag ("en", "ja"), or null. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        for (Locale language : SUPPORTED) {
            if (language.getLanguage().equals(tag)) {
                return language;
            }
        }
        return null;
    }
}
