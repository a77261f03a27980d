package io.iotseal.server.disclosure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.iotseal.catalog.LocalizedText;
import io.iotseal.disclosure.Deadline;
import io.iotseal.disclosure.DeadlineState;
import io.iotseal.disclosure.Moment;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One reporting deadline of a case as the API and the case pages show it (ADR 0101): the core's {@link Deadline}
 * with its source spelt out, the duty in English (the API has no language; the pages take {@link #duty(String)}),
 * and whether the case still has to act on it.
 *
 * @param stopped        the case is closed or rejected and this is one of IoTSeal's default periods (acknowledge,
 *                       disclose by the default embargo): it no longer runs, so it never needs attention. The law's
 *                       clocks (CRA Article 14) keep running whatever the case's state.
 * @param needsAttention due soon or overdue, and not stopped: the operator's queue flags the case
 */
public record CaseDeadline(
        @Schema(description = "The clock's id within its regime, e.g. vulnerability-early-warning") String clockId,
        @Schema(description = "The regulation or scheme whose clock it is: cra-art14, a scheme id, or default") String regime,
        @Schema(description = "What has to be done, in English (IoTSeal's paraphrase, not the legal text)") String duty,
        @Schema(description = "When the clock started; null when it has not") OffsetDateTime startedAt,
        @Schema(description = "When it is due (still on time at that instant); null when not started or not applicable") OffsetDateTime due,
        @Schema(description = "When it was met; null when it has not been") OffsetDateTime metAt,
        @Schema(description = "NOT_APPLICABLE, NOT_STARTED, PENDING, DUE_SOON, OVERDUE, MET or MET_LATE") DeadlineState state,
        @Schema(description = "Why there is no due instant: TRIGGER_NOT_RECORDED, START_NOT_RECORDED or BEFORE_REGIME_APPLIES; null when there is one") String waiting,
        @Schema(description = "The same in an English sentence") String waitingReason,
        @Schema(description = "The moment that makes the clock relevant (the core's Moment)") Moment trigger,
        @Schema(description = "The moment that starts it") Moment start,
        @Schema(description = "The moment that meets it") Moment metBy,
        @Schema(description = "Where the rule comes from, e.g. Regulation (EU) 2024/2847, Art. 14(2)(a)") String sourceCitation,
        @Schema(description = "The public address of the source, when there is one") String sourceUrl,
        @Schema(description = "True when no regulation or scheme publishes this period: IoTSeal's default") boolean iotsealDefault,
        @Schema(description = "True when the case is closed or rejected and this IoTSeal default no longer runs") boolean stopped,
        @Schema(description = "Due soon or overdue, and not stopped") boolean needsAttention,
        @JsonIgnore @Schema(hidden = true) LocalizedText dutyText) {

    static CaseDeadline of(Deadline d, boolean caseEnded) {
        boolean stopped = caseEnded && d.iotsealDefault() && d.metAt() == null;
        return new CaseDeadline(d.clockId(), d.regime(), d.duty().en(), utc(d.startedAt()), utc(d.due()),
                utc(d.metAt()), d.state(), d.waiting() == null ? null : d.waiting().name(), d.reason(),
                d.clock().trigger(), d.clock().start(), d.clock().metBy(), d.source() == null ? null : d.source().citation(),
                d.source() == null ? null : d.source().url(), d.iotsealDefault(), stopped,
                d.state().needsAttention() && !stopped, d.duty());
    }

    /** The duty in {@code language} (en or ja), English when the data has no such text. */
    public String duty(String language) {
        return dutyText.in(language);
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
