package io.iotseal.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A requirement's status in the ETSI EN 303 645 Annex B notation, parsed into structure:
 * {@code M} or {@code R}, optionally conditional on numbered conditions {@code C(n)} and/or
 * dependent on features {@code F(x)}. In a combined status such as {@code M C F(14,e)} one list
 * carries both: numbers are conditions, letters are features.
 */
public record Status(Obligation obligation, List<String> conditions, List<String> features, String notation) {
    private static final Pattern NOTATION =
            Pattern.compile("^([MR])(?:\\s+(C)?\\s*(F)?\\s*\\(([^)]*)\\))?$");
    private static final Pattern CONDITION = Pattern.compile("\\d+");
    private static final Pattern FEATURE = Pattern.compile("[a-z]{1,2}");

    public Status {
        conditions = List.copyOf(conditions);
        features = List.copyOf(features);
    }

    /** Parses a status such as {@code M}, {@code R F(f)}, {@code M C(12)} or {@code M C F(14,e)}. */
    @JsonCreator
    public static Status parse(String notation) {
        if (notation == null) {
            throw new IllegalArgumentException("status is empty");
        }
        String text = notation.trim().replaceAll("\\s+", " ");
        var matcher = NOTATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("status '" + notation
                    + "' is not in the notation M|R [C][F](list), e.g. 'M', 'R F(f)', 'M C(12)', 'M C F(14,e)'");
        }
        Obligation obligation = matcher.group(1).equals("M") ? Obligation.MANDATORY : Obligation.RECOMMENDED;
        boolean conditional = matcher.group(2) != null;
        boolean featureDependent = matcher.group(3) != null;
        String list = matcher.group(4);
        if (list == null) {
            return new Status(obligation, List.of(), List.of(), text);
        }
        if (!conditional && !featureDependent) {
            throw new IllegalArgumentException("status '" + notation + "' has a list but neither C nor F");
        }
        List<String> conditions = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (String raw : list.split(",")) {
            String item = raw.trim();
            if (CONDITION.matcher(item).matches() && conditional) {
                conditions.add(item);
            } else if (FEATURE.matcher(item).matches() && featureDependent) {
                features.add(item);
            } else {
                throw new IllegalArgumentException("status '" + notation + "': '" + item
                        + "' is neither a condition number (with C) nor a feature letter (with F)");
            }
        }
        if (conditional && conditions.isEmpty()) {
            throw new IllegalArgumentException("status '" + notation + "' says C but lists no condition number");
        }
        if (featureDependent && features.isEmpty()) {
            throw new IllegalArgumentException("status '" + notation + "' says F but lists no feature letter");
        }
        return new Status(obligation, conditions, features, text);
    }

    public boolean isMandatory() {
        return obligation == Obligation.MANDATORY;
    }

    public boolean isUnconditional() {
        return conditions.isEmpty() && features.isEmpty();
    }

    @JsonValue
    @Override
    public String notation() {
        return notation;
    }

    @Override
    public String toString() {
        return notation;
    }
}
