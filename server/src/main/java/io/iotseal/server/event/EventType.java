package io.iotseal.server.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can happen that someone may want to be told (issue 13 item 4). The code is the API's and the
 * subscription filters' name; the CloudEvents type is {@code io.iotseal.} followed by it (ADR 0082).
 */
public enum EventType {
    LABEL_ISSUED("label.issued", true),
    LABEL_SUSPENDED("label.suspended", true),
    LABEL_REINSTATED("label.reinstated", true),
    LABEL_REVOKED("label.revoked", true),
    LABEL_EXPIRED("label.expired", true),
    LABEL_LAPSE_PENDING("label.lapse-pending", true),
    LABEL_RENEWAL_WINDOW_OPENED("label.renewal-window-opened", true),
    /** The product's support period ends in 180, 90 or 30 days (the data's {@code daysLeft} says which). */
    LABEL_SUPPORT_ENDING("label.support-ending", true),
    /**
     * A surveillance proposal about a label was put to its vendor for comment (issue 16 item 5): never public,
     * told to the label's vendor and the operator; the data's {@code hearingEnds} says until when.
     */
    SURVEILLANCE_HEARING_OPENED("surveillance.hearing-opened", false),
    /**
     * A label holder sent a notice about a label, or answered the operator's question about one (issue 17 item 5,
     * ADR 0100): never public, told to the operator and the label's vendor; the data's {@code noticeId} and
     * {@code kind} say which.
     */
    NOTICE_SUBMITTED("notice.submitted", false),
    /** The operator asked the label's vendor to clarify a notice (the data's {@code message}): never public. */
    NOTICE_CLARIFICATION_REQUESTED("notice.clarification-requested", false),
    /** The operator acknowledged a vendor's notice; its public consequences are applied. Never public itself. */
    NOTICE_ACKNOWLEDGED("notice.acknowledged", false),
    /**
     * A reporting deadline of a vulnerability case passed unmet (issue 17 item 3, ADR 0101): never public, told to
     * the case's vendor and the operator; the data holds the case and clock ids and the due instant, never the
     * report's text.
     */
    CASE_DEADLINE_OVERDUE("case.deadline-overdue", false),
    /** A reporting deadline of a case entered its last quarter unmet (ADR 0101); as {@link #CASE_DEADLINE_OVERDUE}. */
    CASE_DEADLINE_DUE_SOON("case.deadline-due-soon", false),
    /**
     * A vulnerability report about a label was accepted and its case opened (issue 17 item 1, ADR 0102): never
     * public, told to the label's vendor, and to the operator only when the scheme's reporting data copies it. The
     * data holds the case id, product, state and whether the operator was copied, never the report's text (it may
     * go to webhooks).
     */
    CASE_RECEIVED("case.received", false),
    /**
     * A survey found failing checks on devices whose fingerprints match a labelled product (issue 18 item 3, ADR
     * 0105): evidence for the operator alone, never public and not sent to the vendor (the operator decides what to
     * put to the vendor, as with surveillance proposals). One event per upload and label; the data's
     * {@code campaign}, {@code findings} and {@code addresses} say how many.
     */
    SURVEY_LABEL_FINDING("survey.label-finding", false),
    /** Never public: told to the assessment's vendor, its lab and the operator. */
    ASSESSMENT_STATE_CHANGED("assessment.state-changed", false);

    private final String code;
    private final boolean aboutLabel;

    EventType(String code, boolean aboutLabel) {
        this.code = code;
        this.aboutLabel = aboutLabel;
    }

    public String code() {
        return code;
    }

    /** The CloudEvents {@code type} attribute, reverse-DNS prefixed as the specification recommends. */
    public String cloudEventType() {
        return "io.iotseal." + code;
    }

    /** Label events are public when the label's product is; assessment events never are. */
    public boolean aboutLabel() {
        return aboutLabel;
    }

    public static Optional<EventType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
