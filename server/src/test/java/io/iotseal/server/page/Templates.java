package io.iotseal.server.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a template the way the running server does (the classes jte-maven-plugin compiled, the real
 * message bundles), without starting the server: for unit tests of what a template shows and escapes.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    /** An anonymous visitor's page model at {@code path} in {@code language}. */
    public static Page anonymousPage(Locale language, String path) {
        return new Page(PageConfig.messages(), language, path, null, "_csrf", "test-csrf-token", null, Set.of());
    }

    /** Renders {@code template} (e.g. "label/page.jte") with {@code page} and the other parameters. */
    public static String render(String template, Page page, Map<String, Object> parameters) {
        Map<String, Object> model = new HashMap<>(parameters);
        model.put("page", page);
        StringOutput html = new StringOutput();
        ENGINE.render(template, model, html);
        return html.toString();
    }
}
