package io.iotseal.probe.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of an HTML page, as far as a login needs them: action, method and the inputs a browser would
 * submit (HTML Living Standard, "constructing the entry list"): named inputs with their values, checked
 * boxes only, the first named submit button, never disabled ones. Hidden inputs (CSRF tokens) are kept
 * with their values. Deliberately small: a regular-expression reader for the short login pages of embedded
 * web servers, not a general HTML parser.
 */
public final class HtmlForms {
    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>(.*?)(?:</form\\s*>|\\z)");
    private static final Pattern INPUT = Pattern.compile("(?is)<input\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    private HtmlForms() {
    }

    /** One input as the page gives it: name, type in lower case ("text" when absent), value, attributes. */
    public record Input(String name, String type, String value, Map<String, String> attributes) {
        public Input {
            attributes = Map.copyOf(attributes);
        }
    }

    /**
     * @param action the action attribute as written ("" when absent: the page's own URL)
     * @param method GET or POST, upper case
     */
    public record Form(String action, String method, List<Input> inputs) {
        public Form {
            inputs = List.copyOf(inputs);
        }

        public Optional<Input> input(String name) {
            return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
        }

        /**
         * What a browser submits for this form with {@code values} typed in (name to value), in page order:
         * hidden inputs and pre-filled fields keep their values, unchecked boxes and unnamed or disabled
         * inputs are left out, and of the submit buttons only the first named one is sent.
         */
        public Map<String, String> entries(Map<String, String> values) {
            Map<String, String> out = new LinkedHashMap<>();
            boolean submitSent = false;
            for (Input i : inputs) {
                if (i.name().isEmpty() || i.attributes().containsKey("disabled")) {
                    continue;
                }
                switch (i.type()) {
                    case "checkbox", "radio" -> {
                        if (i.attributes().containsKey("checked")) {
                            out.putIfAbsent(i.name(), i.attributes().containsKey("value") ? i.value() : "on");
                        }
                    }
                    case "submit", "image" -> {
                        if (!submitSent) {
                            out.put(i.name(), i.value());
                            submitSent = true;
                        }
                    }
                    case "button", "reset", "file" -> {
                        // Not submitted (buttons, resets) or not wanted (file uploads).
                    }
                    default -> out.put(i.name(), values.getOrDefault(i.name(), i.value()));
                }
            }
            values.forEach(out::putIfAbsent);
            return out;
        }
    }

    /** Every form on the page, in order. */
    public static List<Form> parse(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            Map<String, String> attrs = attributes(f.group(1));
            List<Input> inputs = new ArrayList<>();
            Matcher in = INPUT.matcher(f.group(2));
            while (in.find()) {
                Map<String, String> a = attributes(in.group(1));
                inputs.add(new Input(a.getOrDefault("name", ""), a.getOrDefault("type", "text").toLowerCase(Locale.ROOT),
                        a.getOrDefault("value", ""), a));
            }
            forms.add(new Form(attrs.getOrDefault("action", ""), attrs.getOrDefault("method", "get").toUpperCase(Locale.ROOT),
                    inputs));
        }
        return forms;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return out;
    }

    /** The character references a login page's attribute values use in practice. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(s);
        return m.replaceAll(r -> {
            String e = r.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1)));
            };
            return Matcher.quoteReplacement(c);
        });
    }
}
