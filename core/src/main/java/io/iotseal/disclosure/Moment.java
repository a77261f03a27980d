package io.iotseal.disclosure;

/**
 * Something that happened in a vulnerability case, at an instant the case records. A reporting clock starts at
 * one moment and is met by another ({@code reporting-clocks.yaml}); the case keeps one instant per moment.
 */
public enum Moment {
    /** The vulnerability report reached the vendor (through the registry's intake or otherwise). */
    REPORT_RECEIVED,
    /** The vendor acknowledged the report to the reporter. */
    ACKNOWLEDGED,
    /** The manufacturer became aware that the vulnerability is actively exploited (CRA Art. 14(2)). */
    EXPLOITATION_KNOWN,
    /** The manufacturer became aware of a severe incident affecting the product's security (CRA Art. 14(4)). */
    SEVERE_INCIDENT_KNOWN,
    /** A corrective or mitigating measure became available (starts the CRA final-report clock, Art. 14(2)(c)). */
    CORRECTIVE_MEASURE_AVAILABLE,
    /** The early warning on the actively exploited vulnerability was submitted (Art. 14(2)(a)). */
    EARLY_WARNING_SUBMITTED,
    /** The vulnerability notification was submitted (Art. 14(2)(b)). */
    NOTIFICATION_SUBMITTED,
    /** The final report on the vulnerability was submitted (Art. 14(2)(c)). */
    FINAL_REPORT_SUBMITTED,
    /** The early warning on the severe incident was submitted (Art. 14(4)(a)). */
    INCIDENT_EARLY_WARNING_SUBMITTED,
    /** The incident notification was submitted (Art. 14(4)(b)); it starts the incident final-report clock. */
    INCIDENT_NOTIFICATION_SUBMITTED,
    /** The final report on the severe incident was submitted (Art. 14(4)(c)). */
    INCIDENT_FINAL_REPORT_SUBMITTED,
    /** The vendor released a fix. */
    FIXED,
    /** The vulnerability was disclosed publicly (the embargo is over). */
    DISCLOSED
}
