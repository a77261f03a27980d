package io.iotseal.document;

import java.io.Serial;
import java.util.List;

/** A well-formed document that is not valid against its schema, with every problem found (at most {@link SchemaProblems#MAX} and a count). */
public final class InvalidDocumentException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<SchemaProblem> problems;

    public InvalidDocumentException(List<SchemaProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<SchemaProblem> problems() {
        return problems;
    }
}
