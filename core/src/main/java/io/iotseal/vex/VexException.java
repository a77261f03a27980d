package io.iotseal.vex;

import java.util.List;

/**
 * A VEX document the registry refuses, with every problem found and where: a JSON pointer, or the line
 * (and column) in an XML document.
 */
public final class VexException extends RuntimeException {

    /** Why a document is refused. */
    public enum Reason {
        /** Not well-formed JSON or XML, or not a VEX document of a format the registry reads. */
        MALFORMED,
        /** A format the registry reads, but a version it does not (CycloneDX 1.3, OpenVEX 0.0.x, CSAF 2.1). */
        UNSUPPORTED_VERSION,
        /** Well-formed, but not valid against the format's schema or its VEX rules. */
        INVALID
    }

    /** One problem: where ({@code /statements/0/status}, {@code line 12, column 5}) and what. */
    public record Problem(String location, String message) {
    }

    private final Reason reason;
    private final transient List<Problem> problems;

    public VexException(Reason reason, List<Problem> problems) {
        super(reason + ": " + problems);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    static VexException of(Reason reason, String location, String message) {
        return new VexException(reason, List.of(new Problem(location, message)));
    }

    public Reason reason() {
        return reason;
    }

    public List<Problem> problems() {
        return problems;
    }
}
