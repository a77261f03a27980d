package io.iotseal.probe.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The HTML form logins the probe recognises, from {@code form-logins.yaml} (ADR 0089): versioned, each
 * entry with its source, checked when loaded so that a bad entry stops the probe instead of misjudging a
 * device. An entry that is not {@code generic} must name its vendor and give a URL as its source.
 */
public final class FormLoginList {
    private static final String BUILT_IN = "/io/iotseal/probe/form-logins.yaml";
    private static final ObjectMapper YAML = JsonMappers.strictYaml();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern FIELD = Pattern.compile("[^\\s\"'<>&=]{1,100}");

    private final String version;
    private final List<Entry> entries;

    /** How the device's answer to the form shows one outcome; absent parts are empty. */
    public record Signs(Optional<Pattern> redirect, Optional<String> cookie, Optional<Pattern> text, boolean formAgain,
                        Set<Integer> status) {
        public Signs {
            status = Set.copyOf(status);
        }

        boolean any() {
            return redirect.isPresent() || cookie.isPresent() || text.isPresent() || formAgain || !status.isEmpty();
        }
    }

    /**
     * One form login.
     *
     * @param vendor empty for a generic pattern
     * @param paths  where the form is fetched, in order
     */
    public record Entry(String id, boolean generic, String vendor, String source, List<String> paths,
                        String userField, String passwordField, Signs success, Signs failure) {
        public Entry {
            paths = List.copyOf(paths);
        }
    }

    private FormLoginList(String version, List<Entry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
    }

    public String version() {
        return version;
    }

    public List<Entry> entries() {
        return entries;
    }

    private static volatile FormLoginList builtIn;

    /** The list shipped with the probe. */
    public static FormLoginList builtIn() {
        if (builtIn == null) {
            try (InputStream in = FormLoginList.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + BUILT_IN);
                }
                builtIn = parse(in.readAllBytes(), "form-logins.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUILT_IN, e);
            }
        }
        return builtIn;
    }

    /** Reads and checks a list; the message of a refusal names the entry and the field. */
    public static FormLoginList parse(byte[] yaml, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not YAML: " + e.getMessage(), e);
        }
        String version = root.path("version").asText("");
        if (version.isBlank()) {
            throw new IllegalArgumentException(where + ": field 'version' is required");
        }
        if (!root.path("entries").isArray() || root.path("entries").isEmpty()) {
            throw new IllegalArgumentException(where + ": field 'entries' must be a non-empty list");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode e : root.path("entries")) {
            index++;
            String at = where + ": entry " + index;
            String id = e.path("id").asText("");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(at + " field 'id' must be lower-case letters, digits and '-', was '" + id + "'");
            }
            at = where + ": entry '" + id + "'";
            if (!ids.add(id)) {
                throw new IllegalArgumentException(at + " is listed twice");
            }
            known(e, at, Set.of("id", "generic", "vendor", "source", "paths", "user-field", "password-field", "success", "failure"));
            boolean generic = e.path("generic").asBoolean(false);
            String vendor = e.path("vendor").asText("");
            String source = e.path("source").asText("").strip();
            if (source.isEmpty()) {
                throw new IllegalArgumentException(at + " field 'source' is required");
            }
            if (generic && !vendor.isEmpty()) {
                throw new IllegalArgumentException(at + " is generic and names vendor '" + vendor + "': choose one");
            }
            if (!generic && (vendor.isBlank() || !source.matches("https?://\\S+"))) {
                throw new IllegalArgumentException(at + " describes a vendor's form: field 'vendor' is required and "
                        + "field 'source' must be the URL of the document that shows the form (or mark it generic: true)");
            }
            List<String> paths = new ArrayList<>();
            for (JsonNode p : e.path("paths")) {
                String path = p.asText("");
                if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
                    throw new IllegalArgumentException(at + " field 'paths': '" + path + "' must start with '/' and contain no spaces");
                }
                paths.add(path);
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException(at + " field 'paths' must list at least one path");
            }
            String userField = field(e, "user-field", at);
            String passwordField = field(e, "password-field", at);
            if (userField.equals(passwordField)) {
                throw new IllegalArgumentException(at + " fields 'user-field' and 'password-field' must differ");
            }
            Signs success = signs(e.path("success"), at + " field 'success'", false);
            Signs failure = signs(e.path("failure"), at + " field 'failure'", true);
            entries.add(new Entry(id, generic, vendor, source, paths, userField, passwordField, success, failure));
        }
        return new FormLoginList(version, entries);
    }

    private static String field(JsonNode e, String name, String at) {
        String v = e.path(name).asText("");
        if (!FIELD.matcher(v).matches()) {
            throw new IllegalArgumentException(at + " field '" + name + "' must be an input name without spaces or quotes, was '" + v + "'");
        }
        return v;
    }

    private static Signs signs(JsonNode node, String at, boolean failure) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + " is required");
        }
        known(node, at, failure ? Set.of("redirect", "cookie", "text", "form-again", "status") : Set.of("redirect", "cookie", "text"));
        Set<Integer> status = new HashSet<>();
        for (JsonNode s : node.path("status")) {
            if (!s.canConvertToInt() || s.asInt() < 100 || s.asInt() > 599) {
                throw new IllegalArgumentException(at + " field 'status': " + s + " is not an HTTP status code");
            }
            status.add(s.asInt());
        }
        Optional<String> cookie = node.hasNonNull("cookie") ? Optional.of(node.get("cookie").asText()) : Optional.empty();
        if (cookie.isPresent() && !cookie.get().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException(at + " field 'cookie': '" + cookie.get() + "' is not a cookie name");
        }
        Signs signs = new Signs(regex(node, "redirect", at), cookie, regex(node, "text", at),
                node.path("form-again").asBoolean(false), status);
        if (!signs.any()) {
            throw new IllegalArgumentException(at + " must give at least one sign (redirect, cookie, text"
                    + (failure ? ", form-again, status" : "") + ")");
        }
        return signs;
    }

    private static Optional<Pattern> regex(JsonNode node, String name, String at) {
        if (!node.hasNonNull(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(node.get(name).asText()));
        } catch (PatternSyntaxException ex) {
            throw new IllegalArgumentException(at + " field '" + name + "' is not a valid regular expression: "
                    + ex.getDescription(), ex);
        }
    }

    private static void known(JsonNode node, String at, Set<String> allowed) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException(at + " has unknown field '" + f + "'");
            }
        });
    }
}
