package io.iotseal.advisory;

/**
 * One event of an affected range, as OSV defines them: versions from an {@code INTRODUCED} event up to (not
 * including) a {@code FIXED} or {@code LIMIT} event, or up to and including a {@code LAST_AFFECTED} event.
 * An introduced version of {@code "0"} means "from the first version".
 */
public record RangeEvent(Kind kind, String version) {
    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }
}
