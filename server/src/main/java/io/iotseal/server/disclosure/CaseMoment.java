package io.iotseal.server.disclosure;

/**
 * Moments the vendor records itself because no state change marks them (ADR 0099): when it learnt of a severe
 * incident, and when it sent the CRA early warning, notification and final report (IoTSeal drafts them, the vendor
 * submits them). Each is set once; a second recording is refused, so a deadline cannot be moved afterwards.
 */
public enum CaseMoment {
    SEVERE_INCIDENT_KNOWN("severe_incident_known_at"),
    EARLY_WARNING_SENT("early_warning_at"),
    NOTIFICATION_SENT("notification_at"),
    FINAL_REPORT_SENT("final_report_at");

    private final String column;

    CaseMoment(String column) {
        this.column = column;
    }

    /** The column of {@code disclosure_case}: a constant, never input, so it may be put into SQL. */
    String column() {
        return column;
    }
}
