-- The severe incident's own CRA reports (issue 17 item 3, ADR 0101). Article 14(4) gives a severe incident an
-- early warning (24 h), a notification (72 h) and a final report (one month after the notification) of its own,
-- apart from those of an actively exploited vulnerability (early_warning_at, notification_at, final_report_at in
-- V30): the vendor records when it submitted each, once (CaseMoment). Same SQL on PostgreSQL and H2 (ADR 0021).
alter table disclosure_case add column incident_early_warning_at timestamp with time zone;
alter table disclosure_case add column incident_notification_at timestamp with time zone;
alter table disclosure_case add column incident_final_report_at timestamp with time zone;
