package io.iotseal.advisory.match;

import io.github.nscuro.versatile.spi.Version;

import java.util.HashMap;
import java.util.Map;

/** A component's version, parsed at most once per scheme during one match call. */
final class ComponentVersion {
    private final String raw;
    private final Map<String, Version> parsed = new HashMap<>(4);
    private final Map<String, String> problems = new HashMap<>(2);

    ComponentVersion(String raw) {
        this.raw = raw;
    }

    String raw() {
        return raw;
    }

    /** The version by this scheme, or null when it does not parse (then {@link #problem} says why). */
    Version in(String scheme) {
        if (parsed.containsKey(scheme)) {
            return parsed.get(scheme);
        }
        if (problems.containsKey(scheme)) {
            return null;
        }
        if (raw == null || raw.isBlank()) {
            problems.put(scheme, "the component states no version");
            return null;
        }
        try {
            Version v = VersionScheme.parse(scheme, raw);
            parsed.put(scheme, v);
            return v;
        } catch (IllegalArgumentException e) {
            problems.put(scheme, "component version \"" + raw + "\" is not a valid " + scheme + " version");
            return null;
        }
    }

    String problem(String scheme) {
        return problems.get(scheme);
    }
}
