package io.iotseal.server.notification;

/** Whose events a subscription may receive, fixed by its organization's kind when it is made (ADR 0082). */
enum Scope {
    /** The scheme operator: every event, except reports its scheme's data does not copy it on (ADR 0102). */
    ALL,
    /** A vendor: the events of its own labels and assessments, public or not. */
    VENDOR,
    /** A test lab: the state changes of assessments assigned to it. */
    LAB,
    /** A subscriber (retailer): public label events of the labels or vendors it chose. */
    PUBLIC
}
