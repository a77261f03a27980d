package io.iotseal.advisory.feed;

import java.io.Serial;

/**
 * A feed file that cannot be imported: cut short, not well-formed, of another kind than declared, missing a
 * field the feed's schema requires, or a refused zip. Nothing of the import is kept (ADR 0092).
 */
public final class FeedException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String location;

    /**
     * @param location the file name (with {@code !entry} inside a zip) and the JSON pointer, XML path or
     *                 line and column where the problem is
     * @param message  what is wrong, for an operator
     */
    public FeedException(String location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    /** The file name and, when known, the JSON pointer or XML path or line:column of the problem. */
    public String location() {
        return location;
    }
}
