package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.Verdict;
import io.iotseal.server.label.StatusListService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Renewal and the lapse rule (ADR 0053) with the BSI label, whose data states both, and JC-STAR ★1, whose
 * data states neither. Dates are relative to today; labels are issued in the past by setting the server's
 * clock back. Each test records its requirement change on its own day, and every label an earlier test
 * left behind is either revoked or issued after that day, so the tests do not depend on their order.
 */
class LabelLifecycleApiTest extends ApiTest {

    private static final String BSI = "de-bsi-label:label";
    private static final String BSI_CHANGES = "/api/v1/schemes/de-bsi-label/levels/label/requirement-changes";

    @Autowired
    private ApplicationContext context;
    @Autowired
    private TestClock clock;
    @Autowired
    private StatusListService labels;

    private final LocalDate today = TestClock.realToday();

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theWindowComesFromTheSchemeDataOrIsReportedAsNotKnown() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID bsi = labelOf(fixtures.accepted(BSI, world.productA, world.productAVersion).id());
        UUID star1 = labelOf(fixtures.acceptedStarOne().id());

        JsonNode label = call(Who.VENDOR_MEMBER, get("/api/v1/labels/" + bsi), 200);
        LocalDate expiry = today.plusYears(2);
        assertThat(label.get("expiry").asText()).isEqualTo(expiry.toString());
        JsonNode renewal = label.at("/lifecycle/renewal");
        assertThat(renewal.get("known").asBoolean()).isTrue();
        assertThat(renewal.get("opens").asText()).isEqualTo(expiry.minusMonths(3).toString());
        assertThat(renewal.get("closes").asText()).isEqualTo(expiry.minusWeeks(6).toString());
        assertThat(renewal.get("state").asText()).isEqualTo("not-yet-open");
        assertThat(renewal.get("lapseAfterRequirementChange").asText()).isEqualTo("P42D");
        assertThat(label.at("/lifecycle/lapse").isNull()).isTrue();

        JsonNode notKnown = call(Who.VENDOR_MEMBER, get("/api/v1/labels/" + star1), 200).at("/lifecycle/renewal");
        assertThat(notKnown.get("known").asBoolean()).isFalse();
        assertThat(notKnown.get("opens").isNull()).isTrue();
        assertThat(notKnown.get("state").asText()).isEqualTo("not-known");
        assertThat(notKnown.get("confidence").asText()).isEqualTo("not-retrieved");
        assertThat(notKnown.at("/note/en").asText()).contains("were not retrieved");

        String bsiPage = page(bsi, "ja");
        assertThat(bsiPage).contains("更新申請期間", expiry.minusMonths(3) + " – " + expiry.minusWeeks(6));
        assertThat(page(bsi, "en")).contains("Renewal can be requested");
        assertThat(page(star1, "en")).contains("Not known (the scheme data does not state it", "were not retrieved");
        assertThat(page(star1, "ja")).contains("不明");

        // Renewal outside the window (409) or where the data does not know it (422), naming the window.
        JsonNode early = call(Who.VENDOR_ADMIN, request(bsi, "renewal", null), 409);
        assertThat(early.at("/errors/0/field").asText()).isEqualTo("window");
        assertThat(early.at("/errors/0/message").asText()).contains(expiry.minusMonths(3).toString(), "today is " + today);
        JsonNode unknown = call(Who.VENDOR_ADMIN, request(star1, "renewal", null), 422);
        assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("window");
        assertThat(unknown.at("/errors/0/message").asText()).contains("not known", "were not retrieved");

        // ★1 has no lapse rule: a requirement change is refused and nothing is recorded.
        JsonNode noRule = call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/schemes/jc-star/levels/star-1/requirement-changes"),
                Map.of("changedOn", today.toString(), "note", "New criteria")), 422);
        assertThat(noRule.at("/errors/0/field").asText()).isEqualTo("level");
        assertThat(noRule.at("/errors/0/message").asText()).contains("no lapse rule", "not recorded");
        assertThat(jdbc.sql("select count(*) from requirement_change where scheme = 'jc-star'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aLapseShowsItsDateAndOnceItHasPassedTheLabelIsRevokedForOfflineVerifiersToo() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        clock.setToday(today.minusDays(60));
        UUID id = labelOf(fixtures.accepted(BSI, world.productA, world.productAVersion).id());
        clock.setToday(today.minusDays(55));
        LocalDate changed = today.minusDays(55);
        LocalDate lastDay = changed.plusWeeks(6);
        JsonNode change = call(Who.OPERATOR_ADMIN, withJson(post(BSI_CHANGES), Map.of("changedOn", changed.toString(),
                "note", "BSI TR-03148 revised", "reference", "https://www.bsi.bund.de/tr-03148")), 201);
        assertThat(change.get("lapseAfter").asText()).isEqualTo("P42D");
        assertThat(change.get("labels")).anySatisfy(l -> {
            assertThat(l.get("id").asText()).isEqualTo(id.toString());
            assertThat(l.get("lastValidDay").asText()).isEqualTo(lastDay.toString());
        });

        JsonNode pending = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + id), 200);
        assertThat(pending.get("status").asText()).isEqualTo("valid");
        assertThat(pending.at("/lifecycle/lapse/lastValidDay").asText()).isEqualTo(lastDay.toString());
        assertThat(pending.at("/lifecycle/lapse/requirementsChangedOn").asText()).isEqualTo(changed.toString());
        assertThat(pending.at("/lifecycle/lapse/note").asText()).isEqualTo("BSI TR-03148 revised");
        assertThat(page(id, "en")).contains("after " + lastDay + " unless the declaration is updated");
        assertThat(page(id, "ja")).contains(lastDay + " を過ぎると失効します");

        // Back to today, past the last day; no job has run: the served list is the first thing read.
        clock.reset();
        String credential = pending.get("credential").asText();
        LabelVerifier verifier = new LabelVerifier(TrustedKeys.fromJwks(mvc.perform(get("/.well-known/jwks.json"))
                .andReturn().getResponse().getContentAsString()));
        List<String> lists = lists();
        assertThat(verifier.verifyCredential(credential, lists, Instant.now()).verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(verifier.verifyQrText(pending.get("qrText").asText(), lists, Instant.now()).verdict())
                .isEqualTo(Verdict.REVOKED);
        JsonNode lapsed = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + id), 200);
        assertThat(lapsed.get("status").asText()).isEqualTo("revoked");
        assertThat(lapsed.get("reason").asText())
                .isEqualTo("lapsed: requirements changed on " + changed + ", declaration not updated by " + lastDay);
        assertThat(page(id, "en")).contains("Revoked", "lapsed: requirements changed on " + changed);
        assertThat(jdbc.sql("select actor from audit_entry where entity_id = ? and action = 'label.lapse'")
                .param(id.toString()).query(String.class).list()).containsExactly("system:lapse-rule");

        // Lapsed is final: no renewal, no update.
        assertThat(call(Who.VENDOR_ADMIN, request(id, "update", "Declaration updated"), 409).at("/errors/0/field")
                .asText()).isEqualTo("label");
    }

    @Test
    void theScheduledJobRevokesDueLapsesOnceWithoutAnyRead() throws Exception {
        UUID id = bsiLabelWithRequirementChange(200, 190);
        assertThat(jdbc.sql("select status from label where id = ?").param(id).query(String.class).single())
                .isEqualTo("ACTIVE");
        labels.applyLapses();
        labels.applyLapses(); // a second run (or another instance) finds nothing left to do
        assertThat(jdbc.sql("select status from label where id = ?").param(id).query(String.class).single())
                .isEqualTo("REVOKED");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ? and action = 'label.lapse'")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void readingTheLabelAppliesADueLapse() throws Exception {
        UUID id = bsiLabelWithRequirementChange(300, 290);
        JsonNode read = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + id), 200);
        assertThat(read.get("status").asText()).isEqualTo("revoked");
        assertThat(read.get("reason").asText()).startsWith("lapsed: requirements changed on " + today.minusDays(290));
        assertThat(jdbc.sql("select status from label where id = ?").param(id).query(String.class).single())
                .isEqualTo("REVOKED");
    }

    @Test
    void anUpdatedDeclarationOrARenewalClearsThePendingLapse() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID renewable = fixtures.product("Renewal Cam", today.plusDays(60));
        clock.setToday(today.minusDays(10));
        UUID updated = labelOf(fixtures.accepted(BSI, world.productA, world.productAVersion).id());
        UUID old = labelOf(fixtures.accepted(BSI, renewable, "1.0.0").id());
        clock.setToday(today.minusDays(5));
        recordChange(today.minusDays(5));
        clock.reset();
        LocalDate lastDay = today.minusDays(5).plusWeeks(6);
        assertThat(call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + old), 200).at("/lifecycle/lapse/lastValidDay").asText())
                .isEqualTo(lastDay.toString());

        // Update: the vendor says what the updated declaration covers; the operator approves.
        assertThat(call(Who.VENDOR_MEMBER, request(updated, "update", null), 400).at("/errors/0/field").asText())
                .isEqualTo("note");
        JsonNode asked = call(Who.VENDOR_MEMBER, request(updated, "update", "Declaration updated to TR-03148 v2"), 201);
        assertThat(asked.get("state").asText()).isEqualTo("requested");
        assertThat(call(Who.VENDOR_ADMIN, request(updated, "update", "Again"), 409).at("/errors/0/field").asText())
                .isEqualTo("label");
        JsonNode shown = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + updated), 200);
        assertThat(shown.at("/lifecycle/openRequest/id").asText()).isEqualTo(asked.get("id").asText());
        String decision = "/api/v1/labels/" + updated + "/requests/" + asked.get("id").asText() + "/decision";
        call(Who.VENDOR_ADMIN, decide(decision, "approve", null, "\"1\""), 403);
        call(Who.OPERATOR_REVIEWER, decide(decision, "approve", null, null), 428);
        JsonNode approved = call(Who.OPERATOR_REVIEWER, decide(decision, "approve", null, "\"1\""), 200);
        assertThat(approved.get("state").asText()).isEqualTo("approved");
        call(Who.OPERATOR_REVIEWER, decide(decision, "approve", null, "\"1\""), 412);
        assertThat(call(Who.OPERATOR_REVIEWER, decide(decision, "reject", "No", "\"2\""), 409).at("/errors/0/field")
                .asText()).isEqualTo("action");
        JsonNode cleared = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + updated), 200);
        assertThat(cleared.at("/lifecycle/lapse").isNull()).isTrue();
        assertThat(cleared.at("/lifecycle/openRequest").isNull()).isTrue();
        assertThat(cleared.get("status").asText()).isEqualTo("valid");
        assertThat(call(Who.VENDOR_ADMIN, request(updated, "update", "Nothing pending"), 409).at("/errors/0/field")
                .asText()).isEqualTo("kind");

        // Renewal, inside the window (the support period capped the label at 60 days from today).
        JsonNode oldLabel = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + old), 200);
        assertThat(oldLabel.at("/lifecycle/renewal/state").asText()).isEqualTo("open");
        JsonNode noLonger = call(Who.VENDOR_ADMIN, request(old, "renewal", null), 422);
        assertThat(noLonger.at("/errors/0/field").asText()).isEqualTo("supportEndDate");
        fixtures.extendSupport(renewable, "Renewal Cam", LocalDate.of(2030, 12, 31));
        JsonNode renewal = call(Who.VENDOR_ADMIN, request(old, "renewal", null), 201);
        String renewalDecision = "/api/v1/labels/" + old + "/requests/" + renewal.get("id").asText() + "/decision";
        assertThat(call(Who.OPERATOR_ADMIN, decide(renewalDecision, "reject", null, "\"1\""), 400).at("/errors/0/field")
                .asText()).isEqualTo("comment");
        assertThat(call(Who.OPERATOR_ADMIN, decide(renewalDecision, "extend", null, "\"1\""), 400).at("/errors/0/field")
                .asText()).isEqualTo("action");
        UUID fresh = UUID.fromString(call(Who.OPERATOR_ADMIN, decide(renewalDecision, "approve", null, "\"1\""), 200)
                .get("newLabel").asText());

        JsonNode superseded = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + old), 200);
        JsonNode renewed = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + fresh), 200);
        assertThat(superseded.get("status").asText()).isEqualTo("revoked");
        assertThat(superseded.get("reason").asText()).isEqualTo("superseded by renewal: label "
                + renewed.get("labelId").asText() + ", valid until " + today.plusYears(2));
        assertThat(superseded.at("/lifecycle/renewedBy").asText()).isEqualTo(fresh.toString());
        assertThat(superseded.at("/lifecycle/lapse").isNull()).isTrue();
        assertThat(renewed.get("status").asText()).isEqualTo("valid");
        assertThat(renewed.get("registrationNumber").asText()).isEqualTo(superseded.get("registrationNumber").asText());
        assertThat(renewed.get("issued").asText()).isEqualTo(today.toString());
        assertThat(renewed.get("expiry").asText()).isEqualTo(today.plusYears(2).toString());
        assertThat(renewed.at("/lifecycle/renewalOf").asText()).isEqualTo(old.toString());
        assertThat(renewed.at("/lifecycle/lapse").isNull()).isTrue();
        assertThat(page(old, "en")).contains("Renewed as", renewed.get("labelId").asText());

        LabelVerifier verifier = new LabelVerifier(TrustedKeys.fromJwks(mvc.perform(get("/.well-known/jwks.json"))
                .andReturn().getResponse().getContentAsString()));
        List<String> lists = lists();
        assertThat(verifier.verifyCredential(superseded.get("credential").asText(), lists, Instant.now()).verdict())
                .isEqualTo(Verdict.REVOKED);
        assertThat(verifier.verifyQrText(superseded.get("qrText").asText(), lists, Instant.now()).verdict())
                .isEqualTo(Verdict.REVOKED);
        assertThat(verifier.verifyCredential(renewed.get("credential").asText(), lists, Instant.now()).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(jdbc.sql("select action from audit_entry where entity_id in (?, ?, ?) order by seq")
                .params(old.toString(), fresh.toString(), renewal.get("id").asText()).query(String.class).list())
                .containsSubsequence("label.request.create", "label.issue", "label.supersede", "label.request.approve");
    }

    @Test
    void badRequirementChangesAndRequestsAreRefusedNamingTheField() throws Exception {
        Map<String, Object> ok = Map.of("changedOn", "2001-02-03", "note", "Revised");
        call(Who.OPERATOR_REVIEWER, withJson(post(BSI_CHANGES), ok), 403);
        assertThat(field(withJson(post(BSI_CHANGES), Map.of("note", "No date")), 400)).isEqualTo("changedOn");
        assertThat(field(withJson(post(BSI_CHANGES), Map.of("changedOn", "2026-13-01", "note", "x")), 400)).isEqualTo("changedOn");
        assertThat(field(withJson(post(BSI_CHANGES), Map.of("changedOn", today.plusDays(1).toString(), "note", "Soon")), 400))
                .isEqualTo("changedOn");
        assertThat(field(withJson(post(BSI_CHANGES), Map.of("changedOn", "2001-02-03", "note", " ")), 400)).isEqualTo("note");
        assertThat(field(withJson(post(BSI_CHANGES), Map.of("changedOn", "2001-02-03", "note", "x", "reference",
                "javascript:alert(1)")), 400)).isEqualTo("reference");
        assertThat(field(withJson(post(BSI_CHANGES), Map.of("changedOn", "2001-02-03", "note", "x", "extra", 1)), 400))
                .isEqualTo("extra");
        call(Who.OPERATOR_ADMIN, withJson(post("/api/v1/schemes/de-bsi-label/levels/gold/requirement-changes"), ok), 404);
        assertThat(call(Who.OPERATOR_ADMIN, withJson(post(BSI_CHANGES), ok), 201).get("labels")).isEmpty();
        assertThat(field(withJson(post(BSI_CHANGES), ok), 409)).isEqualTo("changedOn");

        UUID label = labelOf(new AssessmentFixtures(context, world).renewableBsi("Bad Input Cam").id());
        assertThat(call(Who.VENDOR_ADMIN, request(label, "extend", null), 400).at("/errors/0/field").asText())
                .isEqualTo("kind");
        assertThat(call(Who.VENDOR_ADMIN, withJson(post("/api/v1/labels/" + label + "/requests"),
                Map.of("kind", "renewal", "note", "x".repeat(501))), 400).at("/errors/0/field").asText()).isEqualTo("note");
        call(Who.OPERATOR_ADMIN, decide("/api/v1/labels/" + label + "/requests/" + UUID.randomUUID() + "/decision",
                "approve", null, "\"1\""), 404);
    }

    private void recordChange(LocalDate day) throws Exception {
        call(Who.OPERATOR_ADMIN, withJson(post(BSI_CHANGES), Map.of("changedOn", day.toString(), "note", "Revised")), 201);
    }

    private String field(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return call(Who.OPERATOR_ADMIN, request, expected).at("/errors/0/field").asText();
    }

    private MockHttpServletRequestBuilder request(UUID label, String kind, String note) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        if (note != null) {
            body.put("note", note);
        }
        return withJson(post("/api/v1/labels/" + label + "/requests"), body);
    }

    private MockHttpServletRequestBuilder decide(String path, String action, String comment, String ifMatch) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        MockHttpServletRequestBuilder request = withJson(post(path), body);
        return ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch);
    }

    private String page(UUID label, String lang) throws Exception {
        String id = jdbc.sql("select label_id from label where id = ?").param(label).query(String.class).single();
        return mvc.perform(get("/l/" + id + "?lang=" + lang)).andReturn().getResponse().getContentAsString();
    }

    private List<String> lists() throws Exception {
        return List.of(mvc.perform(get("/status/revocation")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/status/suspension")).andReturn().getResponse().getContentAsString());
    }

    /**
     * A BSI label issued {@code issuedDaysAgo} days ago whose level's requirements changed
     * {@code changedDaysAgo} days ago (recorded then); the clock is back at today.
     */
    private UUID bsiLabelWithRequirementChange(int issuedDaysAgo, int changedDaysAgo) throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        clock.setToday(today.minusDays(issuedDaysAgo));
        UUID id = labelOf(fixtures.accepted(BSI, world.productA, world.productAVersion).id());
        clock.setToday(today.minusDays(changedDaysAgo));
        recordChange(today.minusDays(changedDaysAgo));
        clock.reset();
        return id;
    }

    private UUID labelOf(UUID assessment) {
        return jdbc.sql("select id from label where assessment_id = ?").param(assessment).query(UUID.class).single();
    }

    private JsonNode call(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(as(who, request)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        String body = result.getResponse().getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
