package io.iotseal.server.disclosure;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * How a case's report was routed at intake (ADR 0102), for the vendor's and the operator's eyes only.
 *
 * @param scheme              the label's scheme
 * @param ruleScheme          the reporting data's entry that decided: the scheme's, or {@code default}
 * @param dataVersion         the version of the reporting clocks data that decided
 * @param operatorCopied      whether the operator's subscriptions were told of the report
 * @param operatorCopyDefault true when that is IoTSeal's default, not a rule of the scheme
 * @param operatorCopyBasis   the data's reason, in English
 * @param operatorCopySource  the scheme text the reason cites; null for IoTSeal's default
 * @param mailTo              the product's vulnerability contact the report was e-mailed to; null when it is none
 * @param mailState           PENDING (being sent), SENT or NOT_SENT
 * @param mailEncryptedTo     the fingerprint of the vendor's key the report was encrypted to; null when it was not
 *                            (the mail then holds no report text)
 * @param mailDetail          why it was not sent, or what the mail server answered
 * @param mailAt              when the mail was sent or given up
 */
public record CaseRouting(UUID caseId, String scheme, String ruleScheme, int dataVersion, boolean operatorCopied,
                          boolean operatorCopyDefault, String operatorCopyBasis, String operatorCopySource,
                          String mailTo, String mailState, String mailEncryptedTo, String mailDetail,
                          OffsetDateTime mailAt) {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String NOT_SENT = "NOT_SENT";
}
