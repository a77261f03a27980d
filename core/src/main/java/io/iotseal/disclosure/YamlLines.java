package io.iotseal.disclosure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and list item of a YAML text, so a check made after reading (an unknown scheme, an id
 * given twice) can name the line as Jackson's own errors do. Paths are written as in the error messages:
 * {@code regimes[0].clocks[1].within}.
 */
final class YamlLines {
    private final Map<String, Integer> lineByPath = new HashMap<>();

    YamlLines(String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                lineByPath.putIfAbsent(dotted(pointer), p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // The text was already read by Jackson without error; if not, lines are simply unknown.
        }
    }

    /** The line of {@code path}, or of its nearest ancestor that is in the text; -1 when none is. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lineByPath.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return -1;
    }

    /** "/regimes/0/clocks/1/within" → "regimes[0].clocks[1].within". */
    private static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }
}
