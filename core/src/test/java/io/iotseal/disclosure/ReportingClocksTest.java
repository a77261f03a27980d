package io.iotseal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.library.StandardsLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in clocks against Regulation (EU) 2024/2847 Art. 14 as written: 24 h and 72 h from awareness, 14 days
 * after a corrective measure, one month after the incident notification, applying from 2026-09-11 (Art. 71(2)).
 * Every expected instant below is worked out by hand from those rules, not from the code.
 */
class ReportingClocksTest {
    private static final ReportingClocks CLOCKS = ReportingClocks.builtIn();

    private static Map<Moment, Instant> moments(Object... pairs) {
        Map<Moment, Instant> m = new EnumMap<>(Moment.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Moment) pairs[i], Instant.parse((String) pairs[i + 1]));
        }
        return m;
    }

    private static Map<String, Deadline> byClock(List<Deadline> deadlines) {
        return deadlines.stream().collect(Collectors.toMap(d -> d.regime() + "/" + d.clockId(), d -> d));
    }

    private static Map<String, Deadline> at(String schemeId, Map<Moment, Instant> moments, String now) {
        return byClock(CLOCKS.deadlines(schemeId, moments, Instant.parse(now)));
    }

    @Test
    void builtInClocksLoadAgainstTheStandardsLibrarysSchemes() {
        var schemeIds = StandardsLoader.loadBuiltIn().schemes().stream().map(s -> s.id()).toList();
        ReportingClocks checked = ReportingClocks.builtIn(schemeIds);
        assertThat(checked.schemeIds()).containsExactlyInAnyOrder("jc-star", "sg-cls", "de-bsi-label", "default");
        assertThat(checked.regimes()).extracting(Regime::id).containsExactly("cra-art14");
        assertThat(checked.dueSoonFraction()).isEqualTo(0.25);
        for (Regime regime : checked.regimes()) {
            regime.clocks().forEach(c -> {
                assertThat(c.iotsealDefault()).as(c.id() + ": the CRA's periods are law").isFalse();
                assertThat(c.source().url()).as(c.id()).startsWith("https://eur-lex.europa.eu/");
                assertThat(c.duty().exactly("ja")).as(c.id() + " has a Japanese duty").isPresent();
            });
        }
        for (String scheme : checked.schemeIds()) {
            checked.forScheme(scheme).clocks().forEach(c ->
                    assertThat(c.iotsealDefault()).as(scheme + "/" + c.id() + ": no scheme publishes these periods").isTrue());
        }
    }

    @Test
    void activelyExploitedVulnerabilityHas24And72HourClocksFromAwareness() {
        var aware = moments(Moment.EXPLOITATION_KNOWN, "2026-10-05T10:17:00Z");
        var d = at("jc-star", aware, "2026-10-05T11:17:00Z");
        Deadline early = d.get("cra-art14/vulnerability-early-warning");
        Deadline notification = d.get("cra-art14/vulnerability-notification");
        assertThat(early.due()).isEqualTo("2026-10-06T10:17:00Z");
        assertThat(notification.due()).isEqualTo("2026-10-08T10:17:00Z");
        assertThat(early.state()).isEqualTo(DeadlineState.PENDING);
        assertThat(early.source().citation()).contains("Art. 14(2)(a)");
        assertThat(notification.source().citation()).contains("Art. 14(2)(b)");

        // The last quarter of 24 h is the last 6 h: due soon from 04:17 on the 6th, not at 04:16.
        assertThat(at("jc-star", aware, "2026-10-06T04:16:59Z").get("cra-art14/vulnerability-early-warning").state())
                .isEqualTo(DeadlineState.PENDING);
        assertThat(at("jc-star", aware, "2026-10-06T04:17:00Z").get("cra-art14/vulnerability-early-warning").state())
                .isEqualTo(DeadlineState.DUE_SOON);
        // At the due instant it is still due; one second later it is overdue.
        assertThat(at("jc-star", aware, "2026-10-06T10:17:00Z").get("cra-art14/vulnerability-early-warning").state())
                .isEqualTo(DeadlineState.DUE_SOON);
        var late = at("jc-star", aware, "2026-10-06T10:17:01Z");
        assertThat(late.get("cra-art14/vulnerability-early-warning").state()).isEqualTo(DeadlineState.OVERDUE);
        assertThat(late.get("cra-art14/vulnerability-early-warning").state().needsAttention()).isTrue();
        assertThat(late.get("cra-art14/vulnerability-notification").state()).isEqualTo(DeadlineState.PENDING);
    }

    @Test
    void aReportSubmittedAfterItsDueInstantIsMetLateAndOneOnTimeIsMet() {
        var m = moments(Moment.EXPLOITATION_KNOWN, "2026-10-05T10:17:00Z",
                Moment.EARLY_WARNING_SUBMITTED, "2026-10-06T16:00:00Z",
                Moment.NOTIFICATION_SUBMITTED, "2026-10-08T10:17:00Z");
        var d = at(null, m, "2026-10-10T00:00:00Z");
        assertThat(d.get("cra-art14/vulnerability-early-warning").state()).isEqualTo(DeadlineState.MET_LATE);
        assertThat(d.get("cra-art14/vulnerability-early-warning").metAt()).isEqualTo("2026-10-06T16:00:00Z");
        assertThat(d.get("cra-art14/vulnerability-notification").state())
                .as("submitted exactly at the 72nd hour").isEqualTo(DeadlineState.MET);
    }

    @Test
    void finalReportIsDue14DaysAfterTheCorrectiveMeasureAndOnlyForAnExploitedVulnerability() {
        var noExploitation = moments(Moment.CORRECTIVE_MEASURE_AVAILABLE, "2026-10-20T09:00:00Z");
        Deadline none = at(null, noExploitation, "2026-10-21T00:00:00Z").get("cra-art14/vulnerability-final-report");
        assertThat(none.state()).isEqualTo(DeadlineState.NOT_STARTED);
        assertThat(none.due()).isNull();
        assertThat(none.waiting()).isEqualTo(Deadline.Waiting.TRIGGER_NOT_RECORDED);
        assertThat(none.reason()).contains("EXPLOITATION_KNOWN");

        var exploitedNoFix = moments(Moment.EXPLOITATION_KNOWN, "2026-10-05T10:17:00Z");
        Deadline waiting = at(null, exploitedNoFix, "2026-10-21T00:00:00Z").get("cra-art14/vulnerability-final-report");
        assertThat(waiting.state()).isEqualTo(DeadlineState.NOT_STARTED);
        assertThat(waiting.waiting()).isEqualTo(Deadline.Waiting.START_NOT_RECORDED);
        assertThat(waiting.reason()).contains("CORRECTIVE_MEASURE_AVAILABLE");

        var fixed = moments(Moment.EXPLOITATION_KNOWN, "2026-10-05T10:17:00Z",
                Moment.CORRECTIVE_MEASURE_AVAILABLE, "2026-10-20T09:00:00Z");
        Deadline report = at(null, fixed, "2026-10-21T00:00:00Z").get("cra-art14/vulnerability-final-report");
        assertThat(report.due()).isEqualTo("2026-11-03T09:00:00Z");
        assertThat(report.state()).isEqualTo(DeadlineState.PENDING);
        assertThat(at(null, fixed, "2026-11-03T09:00:01Z").get("cra-art14/vulnerability-final-report").state())
                .isEqualTo(DeadlineState.OVERDUE);
    }

    @Test
    void severeIncidentHas24And72HoursThenOneMonthAfterTheIncidentNotification() {
        var known = moments(Moment.SEVERE_INCIDENT_KNOWN, "2026-12-01T08:00:00Z");
        var d = at(null, known, "2026-12-01T09:00:00Z");
        assertThat(d.get("cra-art14/incident-early-warning").due()).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(d.get("cra-art14/incident-notification").due()).isEqualTo("2026-12-04T08:00:00Z");
        assertThat(d.get("cra-art14/incident-final-report").state()).isEqualTo(DeadlineState.NOT_STARTED);
        assertThat(d.get("cra-art14/vulnerability-early-warning").state())
                .as("an incident alone starts no vulnerability clock").isEqualTo(DeadlineState.NOT_STARTED);

        known.put(Moment.INCIDENT_NOTIFICATION_SUBMITTED, Instant.parse("2026-12-03T17:30:00Z"));
        assertThat(at(null, known, "2026-12-04T00:00:00Z").get("cra-art14/incident-final-report").due())
                .isEqualTo("2027-01-03T17:30:00Z");
        // One month from 31 January ends on the last day of February.
        var endOfMonth = moments(Moment.SEVERE_INCIDENT_KNOWN, "2027-01-29T08:00:00Z",
                Moment.INCIDENT_NOTIFICATION_SUBMITTED, "2027-01-31T12:00:00Z");
        assertThat(at(null, endOfMonth, "2027-02-01T00:00:00Z").get("cra-art14/incident-final-report").due())
                .isEqualTo("2027-02-28T12:00:00Z");
    }

    @Test
    void article14AppliesFromTheEleventhOfSeptember2026AndEarlierCasesGetNoCraClock() {
        var before = moments(Moment.EXPLOITATION_KNOWN, "2026-09-10T23:59:59Z");
        Deadline none = at(null, before, "2026-09-12T00:00:00Z").get("cra-art14/vulnerability-early-warning");
        assertThat(none.state()).isEqualTo(DeadlineState.NOT_APPLICABLE);
        assertThat(none.due()).isNull();
        assertThat(none.waiting()).isEqualTo(Deadline.Waiting.BEFORE_REGIME_APPLIES);
        assertThat(none.reason()).contains("2026-09-11T00:00:00Z", "cra-art14");
        assertThat(none.state().needsAttention()).isFalse();

        var first = moments(Moment.EXPLOITATION_KNOWN, "2026-09-11T00:00:00Z");
        var d = at(null, first, "2026-09-12T00:00:01Z");
        assertThat(d.get("cra-art14/vulnerability-early-warning").due()).isEqualTo("2026-09-12T00:00:00Z");
        assertThat(d.get("cra-art14/vulnerability-early-warning").state()).isEqualTo(DeadlineState.OVERDUE);
    }

    @Test
    void summerTimeEndingDoesNotMoveAnyDeadline() {
        // Central Europe leaves summer time on 2026-10-25; in UTC, and so here, 72 h stay 72 h.
        var aware = moments(Moment.EXPLOITATION_KNOWN, "2026-10-24T12:00:00Z");
        Deadline notification = at(null, aware, "2026-10-24T12:00:00Z").get("cra-art14/vulnerability-notification");
        assertThat(notification.due()).isEqualTo("2026-10-27T12:00:00Z");
        assertThat(Duration.between(notification.startedAt(), notification.due())).isEqualTo(Duration.ofHours(72));
        var fix = moments(Moment.EXPLOITATION_KNOWN, "2026-10-20T12:00:00Z",
                Moment.CORRECTIVE_MEASURE_AVAILABLE, "2026-10-20T12:00:00Z");
        Deadline report = at(null, fix, "2026-10-21T00:00:00Z").get("cra-art14/vulnerability-final-report");
        assertThat(Duration.between(report.startedAt(), report.due())).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void schemeClocksAreIoTSealDefaultsAndAnUnknownOrMissingSchemeGetsTheDefault() {
        var received = moments(Moment.REPORT_RECEIVED, "2026-10-01T00:00:00Z");
        Deadline ack = at("jc-star", received, "2026-10-02T00:00:00Z").get("jc-star/acknowledgement");
        assertThat(ack.due()).isEqualTo("2026-10-08T00:00:00Z");
        assertThat(ack.iotsealDefault()).isTrue();
        assertThat(at("jc-star", received, "2026-10-02T00:00:00Z").get("jc-star/embargo").due())
                .isEqualTo("2026-12-30T00:00:00Z");
        assertThat(at(null, received, "2026-10-02T00:00:00Z")).containsKey("default/acknowledgement");
        assertThat(at("us-cyber-trust-mark", received, "2026-10-02T00:00:00Z")).containsKey("default/acknowledgement");

        assertThat(CLOCKS.forScheme("jc-star").operatorCopy().copied()).isTrue();
        assertThat(CLOCKS.forScheme("jc-star").operatorCopy().iotsealDefault()).isFalse();
        assertThat(CLOCKS.forScheme("de-bsi-label").operatorCopy().copied()).isTrue();
        assertThat(CLOCKS.forScheme("de-bsi-label").operatorCopy().source().citation()).contains("§7");
        assertThat(CLOCKS.forScheme("sg-cls").operatorCopy().copied()).isFalse();
        assertThat(CLOCKS.forScheme("sg-cls").operatorCopy().iotsealDefault()).isTrue();
    }
}
