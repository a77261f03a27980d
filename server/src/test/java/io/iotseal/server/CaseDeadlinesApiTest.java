package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.digest.Sha256;
import io.iotseal.server.disclosure.DeadlineCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 17 item 3 on the server (ADR 0101): the vendor marks a case actively exploited, the CRA's 24 h and 72 h
 * deadlines appear with their due instants; 25 hours later the early warning is overdue, the operator's queue flags
 * the case and the deadline check records one private event however often it runs; the early warning sent late is
 * MET_LATE. A case whose exploitation was known before 2026-09-11 gets no CRA clock, and says why.
 */
class CaseDeadlinesApiTest extends ApiTest {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @Autowired
    private TestClock clock;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private DeadlineCheck check;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A new case about a fresh labelled product, reported from an address of its own (the intake's quota). */
    private UUID newCase(String marker) throws Exception {
        String labelId = CaseFixtures.labelled(context, world, "Deadline Cam " + UUID.randomUUID().toString().substring(0, 8),
                false, "1.0.0").labelId();
        // An IPv6 /64 of its own (one source for the intake's quota), so reruns on a kept database start afresh.
        String source = "2001:db8:" + Integer.toHexString(RANDOM.nextInt(0x10000)) + ":"
                + Integer.toHexString(RANDOM.nextInt(0x10000)) + "::1";
        MvcResult sent = mvc.perform(withJson(post("/api/v1/labels/" + labelId + "/reports"), Map.of(
                "summary", "Debug port open " + marker, "details", "The UART console gives a root shell. " + marker))
                .with(r -> {
                    r.setRemoteAddr(source);
                    return r;
                })).andReturn();
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
        return jdbc.sql("select case_id from disclosure_link where token_sha256 = ?")
                .param(Sha256.hex(body(sent).get("token").asText())).query(UUID.class).single();
    }

    private MvcResult act(Who who, MockHttpServletRequestBuilder request, UUID id) throws Exception {
        String etag = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/cases/" + id))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        return mvc.perform(as(who, request.header(HttpHeaders.IF_MATCH, etag))).andReturn();
    }

    private MvcResult markExploited(UUID id) throws Exception {
        return act(Who.VENDOR_MEMBER, withJson(put("/api/v1/cases/" + id + "/facts"), Map.of("activelyExploited", true)), id);
    }

    private MvcResult record(UUID id, String moment) throws Exception {
        return act(Who.VENDOR_ADMIN, withJson(post("/api/v1/cases/" + id + "/moments"), Map.of("moment", moment)), id);
    }

    private JsonNode deadlines(Who who, UUID id) throws Exception {
        MvcResult r = mvc.perform(as(who, get("/api/v1/cases/" + id + "/deadlines"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(r.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        return body(r);
    }

    private static JsonNode clock(JsonNode deadlines, String regime, String clockId) {
        return StreamSupport.stream(deadlines.get("deadlines").spliterator(), false)
                .filter(d -> d.get("regime").asText().equals(regime) && d.get("clockId").asText().equals(clockId))
                .findFirst().orElseThrow(() -> new AssertionError(regime + "/" + clockId + " missing in " + deadlines));
    }

    /** The operator's queue line of the case, or null when the list does not have it. */
    private JsonNode queueLine(String query, UUID id) throws Exception {
        MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/cases" + query))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return StreamSupport.stream(body(r).spliterator(), false).filter(c -> c.get("id").asText().equals(id.toString()))
                .findFirst().orElse(null);
    }

    private List<String> overdueEvents(UUID id) {
        return jdbc.sql("select data from notification_event where type = 'case.deadline-overdue' and data like ?"
                + " order by occurred_at").param("%" + id + "%").query(String.class).list();
    }

    @Test
    void anExploitedCaseGetsItsCraDeadlinesAnOverdueOneIsFlaggedAndToldOnceAndMetLate() throws Exception {
        clock.setToday(TestClock.realToday().minusDays(3));
        String marker = "D" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = newCase(marker);

        // Before the vendor knows of an exploitation: the CRA clocks wait for it, the scheme's acknowledgement runs.
        JsonNode before = deadlines(Who.VENDOR_MEMBER, id);
        assertThat(before.get("scheme").asText()).isEqualTo("jc-star");
        assertThat(clock(before, "cra-art14", "vulnerability-early-warning").get("state").asText()).isEqualTo("NOT_STARTED");
        assertThat(clock(before, "cra-art14", "vulnerability-early-warning").get("waiting").asText())
                .isEqualTo("TRIGGER_NOT_RECORDED");
        JsonNode ack = clock(before, "jc-star", "acknowledgement");
        assertThat(ack.get("state").asText()).isEqualTo("PENDING");
        assertThat(ack.get("iotsealDefault").asBoolean()).isTrue();

        MvcResult marked = markExploited(id);
        assertThat(marked.getResponse().getStatus()).as(marked.getResponse().getContentAsString()).isEqualTo(200);
        OffsetDateTime known = OffsetDateTime.parse(body(marked).get("moments").get("exploitationKnownAt").asText());

        JsonNode after = deadlines(Who.VENDOR_MEMBER, id);
        JsonNode warning = clock(after, "cra-art14", "vulnerability-early-warning");
        JsonNode notification = clock(after, "cra-art14", "vulnerability-notification");
        assertThat(warning.get("state").asText()).isEqualTo("PENDING");
        assertThat(OffsetDateTime.parse(warning.get("due").asText()).toInstant()).isEqualTo(known.plusHours(24).toInstant());
        assertThat(notification.get("state").asText()).isEqualTo("PENDING");
        assertThat(OffsetDateTime.parse(notification.get("due").asText()).toInstant()).isEqualTo(known.plusHours(72).toInstant());
        assertThat(warning.get("sourceCitation").asText()).contains("2024/2847", "14(2)(a)");
        assertThat(warning.get("sourceUrl").asText()).startsWith("https://eur-lex.europa.eu/");
        assertThat(warning.get("iotsealDefault").asBoolean()).isFalse();
        assertThat(warning.get("duty").asText()).contains("Early warning");
        assertThat(clock(after, "cra-art14", "vulnerability-final-report").get("waiting").asText())
                .as("the final report waits for the corrective measure").isEqualTo("START_NOT_RECORDED");
        assertThat(after.get("needsAttention").asBoolean()).isFalse();
        // Positive control for the queue: the case is listed, not flagged, and not under "needs attention".
        assertThat(queueLine("", id).get("needsAttention").asBoolean()).isFalse();
        assertThat(queueLine("?needsAttention=true", id)).isNull();
        assertThat(check.recordDue()).isGreaterThanOrEqualTo(0);
        assertThat(overdueEvents(id)).isEmpty();

        // 25 hours later the early warning is overdue (the notification still runs: 47 of 72 hours left).
        clock.advance(Duration.ofHours(25));
        JsonNode late = deadlines(Who.OPERATOR_REVIEWER, id);
        assertThat(clock(late, "cra-art14", "vulnerability-early-warning").get("state").asText()).isEqualTo("OVERDUE");
        assertThat(clock(late, "cra-art14", "vulnerability-early-warning").get("needsAttention").asBoolean()).isTrue();
        assertThat(clock(late, "cra-art14", "vulnerability-notification").get("state").asText()).isEqualTo("PENDING");
        assertThat(late.get("needsAttention").asBoolean()).isTrue();
        JsonNode flagged = queueLine("?needsAttention=true", id);
        assertThat(flagged).as("the queue's needs-attention filter has the case").isNotNull();
        assertThat(flagged.get("needsAttention").asBoolean()).isTrue();
        assertThat(flagged.get("attention").asText()).isEqualTo("OVERDUE");
        assertThat(OffsetDateTime.parse(flagged.get("attentionDue").asText()).toInstant())
                .isEqualTo(known.plusHours(24).toInstant());
        assertThat(queueLine("?needsAttention=true&state=FIXED", id)).as("filters combine").isNull();

        // The check tells it once, however often it runs (as several instances would).
        check.recordDue();
        check.recordDue();
        List<String> events = overdueEvents(id);
        assertThat(events).hasSize(1);
        JsonNode event = json.readTree(events.get(0));
        assertThat(event.get("caseId").asText()).isEqualTo(id.toString());
        assertThat(event.get("clockId").asText()).isEqualTo("vulnerability-early-warning");
        assertThat(event.get("regime").asText()).isEqualTo("cra-art14");
        assertThat(OffsetDateTime.parse(event.get("due").asText()).toInstant()).isEqualTo(known.plusHours(24).toInstant());
        assertThat(events.get(0)).as("never the report's text").doesNotContain(marker, "UART");
        Map<String, Object> row = jdbc.sql("select public_event, vendor_id from notification_event"
                + " where type = 'case.deadline-overdue' and data like ?").param("%" + id + "%").query().singleRow();
        assertThat(row.get("public_event")).isEqualTo(false);
        assertThat(row.get("vendor_id").toString()).isEqualTo(world.vendorA.toString());

        // Sent late: MET_LATE, and the case no longer needs attention.
        MvcResult sent = record(id, "EARLY_WARNING_SENT");
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode met = clock(deadlines(Who.VENDOR_MEMBER, id), "cra-art14", "vulnerability-early-warning");
        assertThat(met.get("state").asText()).isEqualTo("MET_LATE");
        assertThat(met.get("metAt").isNull()).isFalse();
        assertThat(met.get("needsAttention").asBoolean()).isFalse();
        assertThat(queueLine("?needsAttention=true", id)).isNull();
        assertThat(record(id, "EARLY_WARNING_SENT").getResponse().getStatus()).as("recorded once").isEqualTo(409);
    }

    @Test
    void aSevereIncidentsOwnReportsMeetItsClocks() throws Exception {
        UUID id = newCase("incident");
        MvcResult unknown = record(id, "INCIDENT_SOMETHING");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(unknown).get("errors").get(0).get("field").asText()).isEqualTo("moment");
        assertThat(body(unknown).toString()).contains("INCIDENT_EARLY_WARNING_SENT");

        assertThat(record(id, "SEVERE_INCIDENT_KNOWN").getResponse().getStatus()).isEqualTo(200);
        assertThat(clock(deadlines(Who.VENDOR_ADMIN, id), "cra-art14", "incident-early-warning").get("state").asText())
                .isEqualTo("PENDING");
        MvcResult warned = record(id, "incident_early_warning_sent");
        assertThat(warned.getResponse().getStatus()).as(warned.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(warned).get("moments").get("incidentEarlyWarningAt").isNull()).isFalse();
        assertThat(record(id, "INCIDENT_NOTIFICATION_SENT").getResponse().getStatus()).isEqualTo(200);
        JsonNode d = deadlines(Who.VENDOR_ADMIN, id);
        assertThat(clock(d, "cra-art14", "incident-early-warning").get("state").asText()).isEqualTo("MET");
        assertThat(clock(d, "cra-art14", "incident-notification").get("state").asText()).isEqualTo("MET");
        assertThat(clock(d, "cra-art14", "incident-final-report").get("state").asText())
                .as("the incident notification starts the one-month clock").isEqualTo("PENDING");
        assertThat(clock(d, "cra-art14", "vulnerability-early-warning").get("state").asText())
                .as("the vulnerability's own clocks are apart").isEqualTo("NOT_STARTED");
        // Another vendor learns nothing, not even that the case exists.
        assertThat(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get("/api/v1/cases/" + id + "/deadlines"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aRejectedCasesDefaultPeriodsStopWhileAnOpenOnesRunOut() throws Exception {
        clock.setToday(TestClock.realToday().minusDays(10));
        UUID open = newCase("open");
        UUID rejected = newCase("rejected");
        MvcResult reject = act(Who.VENDOR_ADMIN, withJson(post("/api/v1/cases/" + rejected + "/transitions"),
                Map.of("state", "REJECTED", "reason", "Works as documented.")), rejected);
        assertThat(reject.getResponse().getStatus()).as(reject.getResponse().getContentAsString()).isEqualTo(200);
        clock.advance(Duration.ofDays(8));
        // Positive control: the open case's acknowledgement (7 days, IoTSeal's default) ran out and is flagged.
        JsonNode openAck = clock(deadlines(Who.OPERATOR_ADMIN, open), "jc-star", "acknowledgement");
        assertThat(openAck.get("state").asText()).isEqualTo("OVERDUE");
        assertThat(openAck.get("needsAttention").asBoolean()).isTrue();
        assertThat(queueLine("?needsAttention=true", open)).isNotNull();
        // The rejected one answered the reporter: its defaults stopped, nothing to flag.
        JsonNode rejectedAck = clock(deadlines(Who.OPERATOR_ADMIN, rejected), "jc-star", "acknowledgement");
        assertThat(rejectedAck.get("stopped").asBoolean()).isTrue();
        assertThat(rejectedAck.get("needsAttention").asBoolean()).isFalse();
        assertThat(queueLine("", rejected).get("needsAttention").asBoolean()).isFalse();
        assertThat(queueLine("?needsAttention=true", rejected)).isNull();
    }

    @Test
    void theMomentsAVendorMayRecordAreListedOnceForTheApiAndItsDescription() throws Exception {
        JsonNode docs = body(mvc.perform(get("/v3/api-docs")).andReturn());
        JsonNode moment = docs.at("/components/schemas/MomentInput/properties/moment");
        List<String> listed = StreamSupport.stream(moment.get("enum").spliterator(), false).map(JsonNode::asText).toList();
        assertThat(listed).containsExactlyElementsOf(java.util.Arrays.stream(io.iotseal.server.disclosure.CaseMoment.values())
                .map(Enum::name).toList());
        assertThat(docs.at("/paths/~1api~1v1~1cases~1{id}~1deadlines/get/summary").asText()).contains("deadlines");
    }

    @Test
    void theDeadlineEventsHaveAnEmailTitleInBothLanguages() {
        for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.JAPANESE)) {
            java.util.ResourceBundle texts = java.util.ResourceBundle.getBundle("notifications/messages", locale,
                    java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String type : List.of("case.deadline-overdue", "case.deadline-due-soon")) {
                assertThat(texts.getString("title." + type)).as(locale + " " + type).contains("{0}");
            }
        }
    }

    @Test
    void anExploitationKnownBeforeTheCraAppliesGetsNoCraClockAndSaysWhy() throws Exception {
        clock.setToday(LocalDate.of(2026, 9, 1));
        UUID id = newCase("before");
        assertThat(markExploited(id).getResponse().getStatus()).isEqualTo(200);
        JsonNode d = deadlines(Who.VENDOR_MEMBER, id);
        JsonNode warning = clock(d, "cra-art14", "vulnerability-early-warning");
        assertThat(warning.get("state").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(warning.get("waiting").asText()).isEqualTo("BEFORE_REGIME_APPLIES");
        assertThat(warning.get("waitingReason").asText()).contains("before", "2026-09-11");
        assertThat(warning.get("due").isNull()).isTrue();
        assertThat(clock(d, "cra-art14", "vulnerability-notification").get("state").asText()).isEqualTo("NOT_APPLICABLE");
        // Positive control: the scheme's clock of the same case runs.
        assertThat(clock(d, "jc-star", "acknowledgement").get("state").asText()).isEqualTo("PENDING");
    }
}
