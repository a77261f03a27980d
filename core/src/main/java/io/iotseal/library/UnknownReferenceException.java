package io.iotseal.library;

import java.util.Collection;

/** A catalog, scheme, level or requirement named by a user does not exist. */
public final class UnknownReferenceException extends IllegalArgumentException {
    public UnknownReferenceException(String kind, String name, Collection<String> known) {
        super("unknown " + kind + " '" + name + "'; known: " + String.join(", ", known));
    }
}
