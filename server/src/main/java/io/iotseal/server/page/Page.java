package io.iotseal.server.page;

import io.iotseal.server.access.Role;
import org.springframework.context.MessageSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every template gets as its first parameter {@code page} (ADR 0074): the visitor's language and
 * the text in it ({@link #t}), the CSRF field for forms, who is signed in with which roles, and the
 * path (for the language switch and the navigation). Built per request by the argument resolver in
 * the security package; a controller method just declares a {@code Page} parameter.
 */
public final class Page {

    private final MessageSource messages;
    private final Locale locale;
    private final String path;
    private final String query;
    private final Supplier<String> csrfParameter;
    private final Supplier<String> csrfToken;
    private final String username;
    private final Set<Role> roles;

    public Page(MessageSource messages, Locale locale, String path, String query, String csrfParameter,
                String csrfToken, String username, Set<Role> roles) {
        this(messages, locale, path, query, () -> csrfParameter, () -> csrfToken, username, roles);
    }

    /**
     * As above, with the CSRF field made only when a template asks for it (a form): a page without one then
     * sets no XSRF-TOKEN cookie, so shared caches may keep it, and no token is generated for it (ADR 0090).
     */
    public Page(MessageSource messages, Locale locale, String path, String query, Supplier<String> csrfParameter,
                Supplier<String> csrfToken, String username, Set<Role> roles) {
        this.messages = messages;
        this.locale = locale;
        this.path = path;
        this.query = query;
        this.csrfParameter = csrfParameter;
        this.csrfToken = csrfToken;
        this.username = username;
        this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    /** The text under {@code key} in the page's language; {@code args} fill {0}, {1}, ... (MessageFormat). */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag for {@code <html lang>}: "en", "ja". */
    public String lang() {
        return locale.getLanguage();
    }

    public String path() {
        return path;
    }

    /** This page's address in another language: the same path and query, with {@code lang} replaced. */
    public String inLanguage(String tag) {
        StringBuilder url = new StringBuilder(path).append('?');
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.startsWith("lang=")) {
                    url.append(part).append('&');
                }
            }
        }
        return url.append("lang=").append(tag).toString();
    }

    /** The languages the switch offers, each named in itself. */
    public List<Locale> languages() {
        return Languages.SUPPORTED;
    }

    public String languageName(Locale language) {
        return language.getDisplayLanguage(language);
    }

    public String csrfParameter() {
        return csrfParameter.get();
    }

    public String csrfToken() {
        return csrfToken.get();
    }

    public boolean signedIn() {
        return username != null;
    }

    /** The signed-in user's name, or null. */
    public String username() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean vendor() {
        return has(Role.VENDOR_ADMIN) || has(Role.VENDOR_MEMBER);
    }

    public boolean lab() {
        return has(Role.LAB_EVALUATOR);
    }

    public boolean operator() {
        return has(Role.OPERATOR_ADMIN) || has(Role.OPERATOR_REVIEWER);
    }

    /** True when this page is {@code section} or below it: the navigation marks it aria-current. */
    public boolean in(String section) {
        return path.equals(section) || path.startsWith(section + "/");
    }
}
