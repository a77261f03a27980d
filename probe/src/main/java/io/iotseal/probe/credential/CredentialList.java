package io.iotseal.probe.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.json.JsonMappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of credentials without duplicates (first occurrence wins, so user lists given later
 * never override the citation of a built-in pair).
 */
public final class CredentialList {
    private static final String BUILT_IN = "/io/iotseal/probe/credentials/builtin.yaml";
    private static final ObjectMapper YAML = JsonMappers.strictYaml();

    private final List<Credential> entries;
    private final List<Origin> origins;

    /**
     * Where a list came from, for the report (ADR 0077): its name, the version it declares ("-" when it
     * declares none) and the SHA-256 of its bytes, so that a lab can show which list it used.
     */
    public record Origin(String name, String version, String sha256, int entries) {
    }

    private CredentialList(List<Credential> entries, List<Origin> origins) {
        this.entries = List.copyOf(entries);
        this.origins = List.copyOf(origins);
    }

    public static CredentialList of(List<Credential> entries) {
        return of(entries, List.of());
    }

    private static CredentialList of(List<Credential> entries, List<Origin> origins) {
        Map<String, Credential> unique = new LinkedHashMap<>();
        for (Credential c : entries) {
            unique.putIfAbsent(c.username() + "\u0000" + c.password(), c);
        }
        return new CredentialList(new ArrayList<>(unique.values()), origins);
    }

    /** The lists this one was made of, in order. */
    public List<Origin> origins() {
        return origins;
    }

    private CredentialList from(String name, byte[] bytes, String version) {
        return new CredentialList(entries, List.of(new Origin(name, version, sha256(bytes), entries.size())));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** IoTSeal's own list, shipped with the probe. */
    public static CredentialList builtIn() {
        try (InputStream in = CredentialList.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            byte[] bytes = in.readAllBytes();
            var root = YAML.readTree(bytes);
            return fromYaml(root, "built-in list").from("IoTSeal built-in list", bytes, root.path("version").asText("-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN, e);
        }
    }

    /**
     * A user's list: YAML in the built-in format (file name ending .yaml/.yml), or text with one
     * {@code user:password} per line ('#' comments). Text entries cite the file and count as unverified.
     */
    public static CredentialList load(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                var root = YAML.readTree(bytes);
                return fromYaml(root, "credentials " + file).from(file.toString(), bytes, root.path("version").asText("-"));
            }
            return fromLines(Files.readAllLines(file), file).from(file.toString(), bytes, "-");
        } catch (IOException e) {
            throw new UncheckedIOException("credentials " + file + ": cannot read", e);
        }
    }

    static CredentialList fromLines(List<String> lines, Path file) {
        List<Credential> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("credentials " + file + " line " + (i + 1)
                        + ": expected user:password");
            }
            out.add(new Credential(line.substring(0, colon), line.substring(colon + 1),
                    "user list " + file.getFileName() + " line " + (i + 1), false));
        }
        return of(out);
    }

    static CredentialList fromYaml(JsonNode root, String where) {
        Map<String, JsonNode> sources = new HashMap<>();
        root.path("sources").properties().forEach(e -> sources.put(e.getKey(), e.getValue()));
        List<Credential> out = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.path("credentials")) {
            index++;
            if (!entry.hasNonNull("username") || !entry.has("password")) {
                throw new IllegalArgumentException(where + ": credentials entry " + index
                        + " needs fields 'username' and 'password'");
            }
            String sourceId = entry.path("source").asText("");
            JsonNode source = sources.get(sourceId);
            if (source == null) {
                throw new IllegalArgumentException(where + ": credentials entry " + index
                        + " field 'source' names unknown source '" + sourceId + "'");
            }
            boolean verified = entry.has("verified") ? entry.get("verified").asBoolean()
                    : source.path("verified").asBoolean(false);
            out.add(new Credential(entry.get("username").asText(), entry.get("password").asText(""),
                    source.path("title").asText(sourceId), verified));
        }
        return of(out);
    }

    /** This list followed by the entries of {@code other} that are not already in it. */
    public CredentialList plus(CredentialList other) {
        List<Credential> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        List<Origin> from = new ArrayList<>(origins);
        from.addAll(other.origins);
        return of(all, from);
    }

    /** The first {@code max} entries. */
    public CredentialList limit(int max) {
        return new CredentialList(entries.subList(0, Math.min(max, entries.size())), origins);
    }

    public List<Credential> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }
}
