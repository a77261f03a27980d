package io.iotseal.scheme;

import io.iotseal.catalog.Coded;

/** Which requirements of a catalog a requirement set takes. */
public enum Selection implements Coded {
    /** Every requirement (of the named groups, if any). */
    ALL,
    /** Only requirements whose status is M (conditional ones included; applicability decides later). */
    MANDATORY
}
