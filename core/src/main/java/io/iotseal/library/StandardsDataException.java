package io.iotseal.library;

import java.util.List;

/**
 * The standards data could not be loaded. Every problem found is listed, each naming the file and,
 * where known, the line and the field, so that a data author can fix them all in one pass.
 */
public final class StandardsDataException extends RuntimeException {
    private final List<String> problems;

    public StandardsDataException(List<String> problems) {
        super(problems.size() == 1
                ? "Standards data is invalid: " + problems.get(0)
                : "Standards data is invalid (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
