package io.iotseal.server.advisory;

/**
 * Published after a match committed findings that were opened or have gone (ADR 0095), so that what depends
 * on findings (surveillance proposals, the label pages' security information, ADR 0096) can follow at once
 * instead of at its next scheduled run.
 */
public record FindingsChanged(int opened, int gone) {
}
