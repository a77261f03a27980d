package io.iotseal.sbom;

import java.util.List;

/**
 * An SBOM the registry refuses, with every problem found and where: a JSON pointer, or the line (and
 * column) in an XML document.
 */
public final class SbomException extends RuntimeException {

    /** Why a document is refused. */
    public enum Reason {
        /** Not well-formed JSON or XML, or not a document of the declared format. */
        MALFORMED,
        /** A format this registry reads, but a specification version it does not. */
        UNSUPPORTED_VERSION,
        /** Well-formed, but not valid against the specification's schema. */
        INVALID
    }

    /** One problem: where ({@code /components/0/name}, {@code line 12, column 5}) and what. */
    public record Problem(String location, String message) {
    }

    private final Reason reason;
    private final transient List<Problem> problems;

    public SbomException(Reason reason, List<Problem> problems) {
        super(reason + ": " + problems);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    static SbomException of(Reason reason, String location, String message) {
        return new SbomException(reason, List.of(new Problem(location, message)));
    }

    public Reason reason() {
        return reason;
    }

    public List<Problem> problems() {
        return problems;
    }
}
