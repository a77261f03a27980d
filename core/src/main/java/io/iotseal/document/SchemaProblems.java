package io.iotseal.document;

import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Schema problems as people read them: located by JSON pointer, in document order, and not too many. */
public final class SchemaProblems {

    /** At most this many problems are reported; the rest are counted. */
    public static final int MAX = 20;

    private SchemaProblems() {
    }

    /**
     * networknt's messages (from a schema loaded with {@code PathType.JSON_POINTER}), sorted by where they
     * are, each located by its JSON pointer as networknt gives it ({@code ""} for the whole document, as in
     * RFC 6901) and without the location networknt puts in front of its text.
     */
    public static List<SchemaProblem> of(Collection<ValidationMessage> messages) {
        return messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                .map(m -> new SchemaProblem(m.getInstanceLocation().toString(), withoutLocation(m)))
                .toList();
    }

    /**
     * The first {@link #MAX} problems and, when there are more, one more made by {@code note} from
     * "N more problems not shown" (generic, so each reader keeps its own problem type).
     */
    public static <P> List<P> limit(List<P> problems, Function<String, P> note) {
        if (problems.size() <= MAX) {
            return problems;
        }
        List<P> out = new ArrayList<>(problems.subList(0, MAX));
        out.add(note.apply((problems.size() - MAX) + " more problems not shown"));
        return out;
    }

    /** A JSONPath-like location ("$.components[0].name", "$") → the JSON pointer ("/components/0/name", "/"); a pointer is kept. */
    public static String pointer(String path) {
        if (!path.startsWith("$")) {
            return path;
        }
        String p = path.substring(1)
                .replaceAll("\\['([^']*)'\\]", "/$1")
                .replaceAll("\\[(\\d+)\\]", "/$1")
                .replace('.', '/');
        return p.isEmpty() ? "/" : p;
    }

    private static String withoutLocation(ValidationMessage m) {
        String text = m.getMessage();
        String loc = m.getInstanceLocation().toString();
        return text.startsWith(loc + ": ") ? text.substring(loc.length() + 2) : text;
    }
}
