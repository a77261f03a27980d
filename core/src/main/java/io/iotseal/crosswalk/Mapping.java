package io.iotseal.crosswalk;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One typed relationship between a source requirement and a target requirement.
 *
 * <p>{@code equal-to} claims the two texts are the same words, the strongest claim a mapping can make: it needs a
 * syntactic rationale and a note that says the texts were compared, and it is refused when the note says they were
 * not (issue 12: 31 version mappings claimed equal-to "the texts were not compared word for word").
 */
public record Mapping(
        String source,
        String target,
        Relationship relationship,
        Rationale rationale,
        Basis basis,
        Confidence confidence,
        List<String> sources,
        String note) {

    public Mapping {
        required(source, "source");
        required(target, "target");
        required(relationship, "relationship");
        required(rationale, "rationale");
        required(basis, "basis");
        required(confidence, "confidence");
        sources = listOrEmpty(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("missing required field 'sources' (where does this mapping come from?)");
        }
        required(note, "note");
        if (relationship == Relationship.EQUAL_TO) {
            checkEqualToWasCompared(rationale, note);
        }
    }

    /** "compared", "compare", "comparison" ... */
    private static final Pattern SAYS_COMPARED = Pattern.compile("(?i)\\bcompar");
    /** A note that takes the comparison back: "not compared", "never compared", "without comparing", "assumed", ... */
    private static final Pattern SAYS_NOT_COMPARED = Pattern.compile(
            "(?i)\\b(not|never|without|no)\\b[^.;:]{0,40}\\bcompar|\\bassum|\\bnot seen\\b|\\bunseen\\b|\\bnot read\\b");

    private static void checkEqualToWasCompared(Rationale rationale, String note) {
        if (rationale != Rationale.SYNTACTIC) {
            throw new IllegalArgumentException("relationship equal-to claims the same words, so its rationale must be"
                    + " 'syntactic' (use equivalent-to for the same meaning in other words)");
        }
        if (!SAYS_COMPARED.matcher(note).find() || SAYS_NOT_COMPARED.matcher(note).find()) {
            throw new IllegalArgumentException("relationship equal-to needs a note saying the texts were compared and"
                    + " are the same words; this note does not: \"" + note + "\"");
        }
    }
}
