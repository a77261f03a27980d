package io.iotseal.document;

import java.io.Serial;

/**
 * A document that is not well-formed JSON or XML (or is empty), and where the reading stopped: a JSON
 * pointer, {@code line 12, column 5}, or null when unknown. The message is ready to show.
 */
public final class NotWellFormedException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String location;

    public NotWellFormedException(String location, String message) {
        super(message);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
