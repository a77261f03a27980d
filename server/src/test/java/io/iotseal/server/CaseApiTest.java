package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.digest.Sha256;
import io.iotseal.server.disclosure.CaseDisclosed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 17 items 1-2 over the API (ADR 0099): a reporter reports about a label and gets a case link; the vendor
 * acknowledges, marks the vulnerability actively exploited and replies; the reporter reads the reply and answers;
 * the fix is recorded and the case disclosed, which publishes {@link CaseDisclosed} after commit. Then the links'
 * no-oracle 404s, bad input, the per-source quota, the honeypot and attachments.
 */
class CaseApiTest extends ApiTest {

    private static final AtomicInteger SOURCES = new AtomicInteger();

    @Autowired
    private TestClock clock;
    @Autowired
    private ApplicationContext context;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A label of a vendor A product with versions 1.0.0 and 1.1.0; {@code published}: in the public registry. */
    private CaseFixtures.Labelled labelled(boolean published) {
        return CaseFixtures.labelled(context, world, "Case Camera " + UUID.randomUUID().toString().substring(0, 8),
                published, "1.0.0", "1.1.0");
    }

    /** Each test's reports from an address of its own, so the quota of one test does not reach another. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newSource() {
        int n = SOURCES.incrementAndGet();
        return "192.0.2." + (n % 250 + 1);
    }

    private MvcResult report(String labelId, Map<String, Object> body, String source) throws Exception {
        return mvc.perform(withJson(post("/api/v1/labels/" + labelId + "/reports"), body).with(from(source))).andReturn();
    }

    private static Map<String, Object> validReport(String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("summary", "Telnet shell without password " + marker);
        body.put("details", "Connect to port 23; a root shell opens without a password. " + marker);
        body.put("affectedVersion", "1.0.0");
        body.put("reporterName", "Rei Reporter");
        body.put("reporterEmail", "rei-" + marker + "@example.org");
        body.put("activelyExploited", true);
        body.put("consentToContact", true);
        return body;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private UUID caseOf(String token) {
        return jdbc.sql("select case_id from disclosure_link where token_sha256 = ?").param(Sha256.hex(token))
                .query(UUID.class).single();
    }

    private JsonNode vendorView(UUID id) throws Exception {
        MvcResult r = mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/cases/" + id))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r);
    }

    private MvcResult act(Who who, MockHttpServletRequestBuilder request, UUID id) throws Exception {
        String etag = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/cases/" + id))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        return mvc.perform(as(who, request.header(HttpHeaders.IF_MATCH, etag))).andReturn();
    }

    private MvcResult transition(UUID id, String state, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("state", state);
        return act(Who.VENDOR_ADMIN, withJson(post("/api/v1/cases/" + id + "/transitions"), body), id);
    }

    @Test
    void aReporterReportsTheVendorAcknowledgesMarksItExploitedAndRepliesAndTheReporterAnswers() throws Exception {
        CaseFixtures.Labelled l = labelled(false);
        String marker = "M" + UUID.randomUUID().toString().substring(0, 8);
        MvcResult sent = report(l.labelId(), validReport(marker), newSource());
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(sent.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        JsonNode submitted = body(sent);
        String token = submitted.get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(submitted.get("link").asText()).endsWith("/cases/" + token);
        assertThat(OffsetDateTime.parse(submitted.get("expiresAt").asText()))
                .isCloseTo(now().plusDays(180), within(1, ChronoUnit.MINUTES));
        // Only the token's hash is stored.
        assertThat(jdbc.sql("select count(*) from disclosure_link where token_sha256 = ?").param(Sha256.hex(token))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from disclosure_link where token_sha256 = ?").param(token)
                .query(Long.class).single()).isZero();
        UUID id = caseOf(token);

        // The case is linked to the label, its product, the version and the vendor.
        JsonNode c = vendorView(id);
        assertThat(c.get("state").asText()).isEqualTo("RECEIVED");
        assertThat(c.get("labelId").asText()).isEqualTo(l.labelId());
        assertThat(c.get("productId").asText()).isEqualTo(l.product().toString());
        assertThat(c.get("productVersion").asText()).isEqualTo("1.0.0");
        assertThat(c.get("vendorId").asText()).isEqualTo(world.vendorA.toString());
        assertThat(c.get("reportedExploited").asBoolean()).isTrue();
        assertThat(c.get("activelyExploited").asBoolean()).as("the reporter's belief is not the vendor's knowledge").isFalse();
        assertThat(c.get("moments").get("receivedAt").isNull()).isFalse();
        assertThat(c.get("moments").get("exploitationKnownAt").isNull()).isTrue();

        // Who sees it: the vendor's people and the operator; another vendor gets 404 and an empty list.
        assertThat(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/cases/" + id))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get("/api/v1/cases/" + id))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(body(mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/cases"))).andReturn()).toString()).contains(id.toString());
        assertThat(body(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get("/api/v1/cases"))).andReturn()).toString())
                .doesNotContain(id.toString());

        // Optimistic locking: no If-Match is 428, a stale one 412.
        MvcResult noIfMatch = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/cases/" + id + "/transitions"),
                Map.of("state", "ACKNOWLEDGED")))).andReturn();
        assertThat(noIfMatch.getResponse().getStatus()).isEqualTo(428);
        MvcResult stale = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/cases/" + id + "/transitions"),
                Map.of("state", "ACKNOWLEDGED")).header(HttpHeaders.IF_MATCH, "\"7\""))).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        // A step that skips one is refused, naming where the case may go.
        MvcResult skip = transition(id, "FIXED", Map.of("fixedVersion", "1.1.0"));
        assertThat(skip.getResponse().getStatus()).isEqualTo(409);
        assertThat(skip.getResponse().getContentAsString()).contains("ACKNOWLEDGED");

        clock.advance(Duration.ofHours(3));
        MvcResult ack = transition(id, "ACKNOWLEDGED", Map.of());
        assertThat(ack.getResponse().getStatus()).as(ack.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(body(ack).get("moments").get("acknowledgedAt").asText()))
                .isCloseTo(now(), within(1, ChronoUnit.MINUTES))
                .isAfter(OffsetDateTime.parse(body(ack).get("moments").get("receivedAt").asText()).plusHours(3));

        // Actively exploited: the moment the vendor knew is recorded once.
        clock.advance(Duration.ofHours(1));
        MvcResult facts = act(Who.VENDOR_MEMBER, withJson(put("/api/v1/cases/" + id + "/facts"), Map.of(
                "activelyExploited", true, "cveId", "CVE-2026-12345",
                "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")), id);
        assertThat(facts.getResponse().getStatus()).as(facts.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode afterFacts = body(facts);
        assertThat(afterFacts.get("severity").asText()).isEqualTo("Critical");
        String knownAt = afterFacts.get("moments").get("exploitationKnownAt").asText();
        assertThat(OffsetDateTime.parse(knownAt)).isCloseTo(now(), within(1, ChronoUnit.MINUTES));
        clock.advance(Duration.ofHours(1));
        act(Who.VENDOR_MEMBER, withJson(put("/api/v1/cases/" + id + "/facts"), Map.of("activelyExploited", true,
                "cveId", "CVE-2026-12345")), id);
        assertThat(vendorView(id).get("moments").get("exploitationKnownAt").asText())
                .as("saving the assessment again does not move the moment").isEqualTo(knownAt);

        // The vendor replies; the reporter reads it without the vendor user's name, and answers.
        MvcResult reply = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/cases/" + id + "/messages"),
                Map.of("body", "Thank you; we reproduced it and are working on 1.1.0.")))).andReturn();
        assertThat(reply.getResponse().getStatus()).as(reply.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult seen = mvc.perform(get("/api/v1/case-links/" + token)).andReturn();
        assertThat(seen.getResponse().getStatus()).isEqualTo(200);
        assertThat(seen.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        JsonNode reporter = body(seen);
        assertThat(reporter.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(reporter.get("messages").get(0).get("authorKind").asText()).isEqualTo("VENDOR");
        assertThat(reporter.get("messages").get(0).get("body").asText()).contains("working on 1.1.0");
        assertThat(reporter.toString()).doesNotContain("world-vendor-admin", "CVSS:3.1", "CVE-2026-12345");
        MvcResult answer = mvc.perform(withJson(post("/api/v1/case-links/" + token + "/messages"),
                Map.of("body", "Great, I can test a beta."))).andReturn();
        assertThat(answer.getResponse().getStatus()).isEqualTo(201);
        JsonNode thread = vendorView(id).get("messages");
        assertThat(thread).hasSize(2);
        assertThat(thread.get(1).get("authorKind").asText()).isEqualTo("REPORTER");

        // Every change is audited, without the report's body or the reporter's contact.
        List<String> actions = jdbc.sql("select action from audit_entry where entity_type = 'disclosure_case'"
                + " and entity_id = ? order by seq").param(id.toString()).query(String.class).list();
        // The routing's mail outcome (ADR 0102) is recorded after commit, at a moment of its own: not in the order.
        assertThat(actions.stream().filter(a -> !a.equals("case.route.mail")).toList()).containsExactly("case.receive",
                "case.route", "case.state", "case.facts", "case.facts", "case.message", "case.message");
        String audited = String.join("\n", jdbc.sql("select coalesce(before_json, '') || coalesce(after_json, '')"
                + " from audit_entry where entity_id = ?").param(id.toString()).query(String.class).list());
        assertThat(audited).contains("ACKNOWLEDGED").doesNotContain(marker, "Rei Reporter", "root shell");
    }

    @Test
    void theFixIsRecordedAndDisclosurePublishesTheEventAfterCommitOnly() throws Exception {
        CaseFixtures.Labelled l = labelled(false);
        UUID id = caseOf(body(report(l.labelId(), validReport("fix"), newSource())).get("token").asText());
        List<UUID> disclosed = new CopyOnWriteArrayList<>();
        List<String> committedState = new CopyOnWriteArrayList<>();
        // As the lead's CSAF publication listens: after commit, when the disclosed state is there for anyone to read.
        ApplicationListener<PayloadApplicationEvent<CaseDisclosed>> listener = TransactionalApplicationListener.forPayload(
                TransactionPhase.AFTER_COMMIT, (CaseDisclosed e) -> {
                    disclosed.add(e.caseId());
                    committedState.add(jdbc.sql("select state from disclosure_case where id = ?").param(e.caseId())
                            .query(String.class).single());
                });
        ApplicationEventMulticaster multicaster = context.getBean(ApplicationEventMulticaster.class);
        multicaster.addApplicationListener(listener);
        try {
            assertThat(transition(id, "ACKNOWLEDGED", Map.of()).getResponse().getStatus()).isEqualTo(200);
            assertThat(transition(id, "TRIAGED", Map.of()).getResponse().getStatus()).isEqualTo(200);
            MvcResult noVersion = transition(id, "FIXED", Map.of());
            assertThat(noVersion.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(noVersion).get("errors").get(0).get("field").asText()).isEqualTo("fixedVersion");
            clock.advance(Duration.ofDays(10));
            MvcResult fixed = transition(id, "FIXED", Map.of("fixedVersion", "1.1.0"));
            assertThat(fixed.getResponse().getStatus()).as(fixed.getResponse().getContentAsString()).isEqualTo(200);
            JsonNode f = body(fixed);
            assertThat(f.get("fixedVersion").asText()).isEqualTo("1.1.0");
            assertThat(f.get("moments").get("fixedAt").asText()).isEqualTo(f.get("moments").get("correctiveMeasureAt").asText());

            // Embargoed until next week: disclosing now is refused, and nothing is published.
            LocalDate nextWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7);
            act(Who.VENDOR_ADMIN, withJson(put("/api/v1/cases/" + id + "/facts"),
                    Map.of("embargoUntil", nextWeek.toString())), id);
            MvcResult early = transition(id, "DISCLOSED", Map.of());
            assertThat(early.getResponse().getStatus()).isEqualTo(409);
            assertThat(early.getResponse().getContentAsString()).contains(nextWeek.toString());
            assertThat(disclosed).isEmpty();

            clock.advance(Duration.ofDays(7));
            MvcResult disclose = transition(id, "DISCLOSED", Map.of("advisoryTitle", "Telnet shell without password",
                    "advisoryDescription", "Versions before 1.1.0 open a root shell on port 23 without a password."));
            assertThat(disclose.getResponse().getStatus()).as(disclose.getResponse().getContentAsString()).isEqualTo(200);
            assertThat(disclosed).containsExactly(id);
            assertThat(committedState).containsExactly("DISCLOSED");
            assertThat(body(disclose).get("moments").get("disclosedAt").isNull()).isFalse();
            assertThat(transition(id, "CLOSED", Map.of()).getResponse().getStatus()).isEqualTo(200);
            assertThat(disclosed).as("closing is no second disclosure").containsExactly(id);
            assertThat(transition(id, "REJECTED", Map.of("reason", "late")).getResponse().getStatus())
                    .as("a closed case is over").isEqualTo(409);
            // A rejection's reason is the reporter's to read.
            String token = body(report(l.labelId(), validReport("reject"), newSource())).get("token").asText();
            UUID rejected = caseOf(token);
            assertThat(transition(rejected, "REJECTED", Map.of()).getResponse().getStatus()).isEqualTo(400);
            assertThat(transition(rejected, "REJECTED", Map.of("reason", "Not reproducible on 1.0.0."))
                    .getResponse().getStatus()).isEqualTo(200);
            JsonNode seen = body(mvc.perform(get("/api/v1/case-links/" + token)).andReturn());
            assertThat(seen.get("state").asText()).isEqualTo("REJECTED");
            assertThat(seen.get("rejectReason").asText()).isEqualTo("Not reproducible on 1.0.0.");
        } finally {
            multicaster.removeApplicationListener(listener);
        }
    }

    @Test
    void anUnknownAnExpiredAndARevokedLinkAllAnswerTheSame404() throws Exception {
        CaseFixtures.Labelled l = labelled(false);
        String token = body(report(l.labelId(), validReport("expiry"), newSource())).get("token").asText();
        String other = body(report(l.labelId(), validReport("revoked"), newSource())).get("token").asText();
        // Positive control: both links open their case.
        assertThat(mvc.perform(get("/api/v1/case-links/" + token)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/case-links/" + other)).andReturn().getResponse().getStatus()).isEqualTo(200);

        MvcResult revoke = mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/cases/" + caseOf(other) + "/links/revocation")))
                .andReturn();
        assertThat(revoke.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(revoke).get("liveLinks").asInt()).isZero();
        // Revoked: gone at once, while the other link (not revoked, not expired) still works.
        assertThat(mvc.perform(get("/api/v1/case-links/" + other)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/case-links/" + token)).andReturn().getResponse().getStatus()).isEqualTo(200);
        clock.advance(Duration.ofDays(179));
        assertThat(mvc.perform(get("/api/v1/case-links/" + token)).andReturn().getResponse().getStatus())
                .as("a day before it expires").isEqualTo(200);
        clock.advance(Duration.ofDays(1).plusSeconds(1));

        String unknown = "A".repeat(43);
        List<String> answers = new ArrayList<>();
        for (String t : List.of(token, other, unknown, "short", "x".repeat(500))) {
            MvcResult r = mvc.perform(get("/api/v1/case-links/" + t)).andReturn();
            assertThat(r.getResponse().getStatus()).as(t).isEqualTo(404);
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
            JsonNode problem = body(r);
            answers.add(problem.get("title").asText() + "|" + problem.get("detail").asText());
            MvcResult page = mvc.perform(get("/cases/" + t).header(HttpHeaders.ACCEPT, "text/html")).andReturn();
            assertThat(page.getResponse().getStatus()).as("page for " + t).isEqualTo(404);
            MvcResult message = mvc.perform(withJson(post("/api/v1/case-links/" + t + "/messages"), Map.of("body", "hi")))
                    .andReturn();
            assertThat(message.getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(answers).as("nothing tells the kinds apart").containsOnly(answers.get(0));
    }

    @Test
    void badInputIsNamedAndAnUnknownLabelIsNotFound() throws Exception {
        CaseFixtures.Labelled l = labelled(false);
        String source = newSource();
        // Positive control: a valid report from this source is accepted.
        assertThat(report(l.labelId(), validReport("ok"), source).getResponse().getStatus()).isEqualTo(201);

        MvcResult unknown = report("ZZZZZZZZZZZZ", validReport("x"), source);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");

        Map<String, Object> empty = new HashMap<>(validReport("x"));
        empty.remove("summary");
        empty.put("details", " ");
        empty.put("reporterEmail", "not an address");
        empty.put("affectedVersion", "9.9.9");
        MvcResult bad = report(l.labelId(), empty, source);
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        body(bad).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("summary", "details", "reporterEmail", "affectedVersion");

        Map<String, Object> long_ = new HashMap<>(validReport("x"));
        long_.put("details", "x".repeat(20_001));
        MvcResult tooLong = report(l.labelId(), long_, source);
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(tooLong).get("errors").get(0).get("field").asText()).isEqualTo("details");

        MvcResult oversized = mvc.perform(withJson(post("/api/v1/labels/" + l.labelId() + "/reports"),
                Map.of("summary", "big", "details", "y".repeat(1_100_000))).with(from(source))).andReturn();
        assertThat(oversized.getResponse().getStatus()).isEqualTo(413);

        UUID id = caseOf(body(report(l.labelId(), validReport("facts"), source)).get("token").asText());
        MvcResult badCve = act(Who.VENDOR_ADMIN, withJson(put("/api/v1/cases/" + id + "/facts"),
                Map.of("cveId", "CVE-26-1")), id);
        assertThat(badCve.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badCve).get("errors").get(0).get("field").asText()).isEqualTo("cveId");
        MvcResult badVector = act(Who.VENDOR_ADMIN, withJson(put("/api/v1/cases/" + id + "/facts"),
                Map.of("cvssVector", "CVSS:3.1/AV:X")), id);
        assertThat(badVector.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badVector).get("errors").get(0).get("field").asText()).isEqualTo("cvssVector");
        MvcResult badState = transition(id, "PUBLISHED", Map.of());
        assertThat(badState.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badState).get("errors").get(0).get("field").asText()).isEqualTo("state");
        MvcResult emptyMessage = mvc.perform(withJson(post("/api/v1/cases/" + id + "/messages"), Map.of("body", "")))
                .andReturn();
        assertThat(emptyMessage.getResponse().getStatus()).isEqualTo(401);
        emptyMessage = mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/cases/" + id + "/messages"),
                Map.of("body", "")))).andReturn();
        assertThat(emptyMessage.getResponse().getStatus()).isEqualTo(400);
        assertThat(vendorView(id).get("state").asText()).as("nothing accepted was lost or changed").isEqualTo("RECEIVED");
    }

    @Test
    void aSourcePastItsQuotaWaitsAndTheHoneypotStoresNothing() throws Exception {
        CaseFixtures.Labelled l = labelled(false);
        String source = newSource();
        for (int i = 0; i < 5; i++) {
            assertThat(report(l.labelId(), validReport("q" + i), source).getResponse().getStatus()).isEqualTo(201);
        }
        MvcResult tooSoon = report(l.labelId(), validReport("q5"), source);
        assertThat(tooSoon.getResponse().getStatus()).isEqualTo(429);
        assertThat(tooSoon.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(tooSoon.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(report(l.labelId(), validReport("other"), newSource()).getResponse().getStatus())
                .as("another source is not slowed").isEqualTo(201);
        clock.advance(Duration.ofSeconds(2));
        assertThat(report(l.labelId(), validReport("later"), source).getResponse().getStatus())
                .as("after waiting, the source may report again").isEqualTo(201);

        long cases = jdbc.sql("select count(*) from disclosure_case where product_id = ?").param(l.product())
                .query(Long.class).single();
        Map<String, Object> bot = new HashMap<>(validReport("bot"));
        bot.put("website", "https://spam.example");
        MvcResult trapped = report(l.labelId(), bot, newSource());
        assertThat(trapped.getResponse().getStatus()).as("looks like success").isEqualTo(201);
        String fake = body(trapped).get("token").asText();
        assertThat(fake).matches("[A-Za-z0-9_-]{43}");
        assertThat(jdbc.sql("select count(*) from disclosure_case where product_id = ?").param(l.product())
                .query(Long.class).single()).as("nothing stored").isEqualTo(cases);
        assertThat(mvc.perform(get("/api/v1/case-links/" + fake)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'case.intake.honeypot'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void attachmentsGoToTheEvidenceStoreAndTheWrongTypeIsRefused() throws Exception {
        CaseFixtures.Labelled l = labelled(false);
        String token = body(report(l.labelId(), validReport("files"), newSource())).get("token").asText();
        UUID id = caseOf(token);
        MvcResult text = mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/cases/" + id + "/attachments")
                .param("fileName", "../../notes.txt").contentType("text/plain").content("steps to reproduce"))).andReturn();
        assertThat(text.getResponse().getStatus()).as(text.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(text).get("fileName").asText()).isEqualTo("notes.txt");
        MvcResult json = mvc.perform(post("/api/v1/case-links/" + token + "/attachments").param("fileName", "poc.json")
                .contentType("application/json").content("{\"port\": 23}")).andReturn();
        assertThat(json.getResponse().getStatus()).isEqualTo(201);

        MvcResult exe = mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/cases/" + id + "/attachments")
                .param("fileName", "tool.exe").contentType("application/x-msdownload").content("MZ"))).andReturn();
        assertThat(exe.getResponse().getStatus()).isEqualTo(415);
        assertThat(body(exe).get("errors").get(0).get("field").asText()).isEqualTo("Content-Type");
        MvcResult fakePng = mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/cases/" + id + "/attachments")
                .param("fileName", "shot.png").contentType("image/png").content("not a png"))).andReturn();
        assertThat(fakePng.getResponse().getStatus()).isEqualTo(415);
        assertThat(body(fakePng).get("errors").get(0).get("field").asText()).isEqualTo("file");
        MvcResult big = mvc.perform(as(Who.VENDOR_ADMIN, post("/api/v1/cases/" + id + "/attachments")
                .param("fileName", "big.txt").contentType("text/plain").content("z".repeat(5 * 1024 * 1024 + 1)))).andReturn();
        assertThat(big.getResponse().getStatus()).isEqualTo(413);

        JsonNode files = vendorView(id).get("attachments");
        assertThat(files).hasSize(2);
        String path = "/api/v1/cases/" + id + "/attachments/" + files.get(1).get("id").asText();
        MvcResult download = mvc.perform(as(Who.OPERATOR_REVIEWER, get(path))).andReturn();
        assertThat(download.getResponse().getContentAsString()).isEqualTo("{\"port\": 23}");
        assertThat(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get(path))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(body(mvc.perform(get("/api/v1/case-links/" + token)).andReturn()).get("attachments").toString())
                .contains("notes.txt", "poc.json");
    }
}
