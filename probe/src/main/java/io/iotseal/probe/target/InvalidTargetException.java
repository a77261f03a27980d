package io.iotseal.probe.target;

/** A target the user named is malformed, cannot be resolved or is not allowed. */
public final class InvalidTargetException extends IllegalArgumentException {
    public InvalidTargetException(String message) {
        super(message);
    }
}
