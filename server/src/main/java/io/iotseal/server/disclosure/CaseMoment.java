package io.iotseal.server.disclosure;

/**
 * Moments the vendor records itself because no state change marks them (ADR 0099, ADR 0101): when it learnt of a
 * severe incident, and when it submitted the CRA reports (IoTSeal drafts them, the vendor submits them): the
 * early warning, notification and final report on an actively exploited vulnerability (Art. 14(2)) and those on a
 * severe incident (Art. 14(4)). This enum is the one list of what a vendor may record, for the API, its OpenAPI
 * description and the case page alike. Each is set once; a second recording is refused, so a deadline cannot be
 * moved afterwards.
 */
public enum CaseMoment {
    SEVERE_INCIDENT_KNOWN("severe_incident_known_at"),
    EARLY_WARNING_SENT("early_warning_at"),
    NOTIFICATION_SENT("notification_at"),
    FINAL_REPORT_SENT("final_report_at"),
    INCIDENT_EARLY_WARNING_SENT("incident_early_warning_at"),
    INCIDENT_NOTIFICATION_SENT("incident_notification_at"),
    INCIDENT_FINAL_REPORT_SENT("incident_final_report_at");

    private final String column;

    CaseMoment(String column) {
        this.column = column;
    }

    /** When the case records it; null when it has not been recorded. */
    java.time.OffsetDateTime in(CaseView.Moments m) {
        return switch (this) {
            case SEVERE_INCIDENT_KNOWN -> m.severeIncidentKnownAt();
            case EARLY_WARNING_SENT -> m.earlyWarningAt();
            case NOTIFICATION_SENT -> m.notificationAt();
            case FINAL_REPORT_SENT -> m.finalReportAt();
            case INCIDENT_EARLY_WARNING_SENT -> m.incidentEarlyWarningAt();
            case INCIDENT_NOTIFICATION_SENT -> m.incidentNotificationAt();
            case INCIDENT_FINAL_REPORT_SENT -> m.incidentFinalReportAt();
        };
    }

    /** The column of {@code disclosure_case}: a constant, never input, so it may be put into SQL. */
    String column() {
        return column;
    }
}
