package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.server.label.LabelCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Vendor notices over the API (issue 17 item 5, ADR 0100): the label's vendor sends each kind, another vendor
 * cannot even see the label's notices, bad input names its field, the operator acknowledges or asks, and the
 * public label page and its JSON show a firmware update, a fixed version and a new support period end only after
 * the acknowledgement; every change is in the audit log and the outbox.
 */
class NoticeApiTest extends ApiTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private LabelCalendar calendar;

    private record Labelled(UUID product, UUID label, String labelId) {
        String notices() {
            return "/api/v1/labels/" + label + "/notices";
        }
    }

    /** A BSI label of a fresh vendor A product whose support period ends on {@code supportEnd}. */
    private Labelled labelled(LocalDate supportEnd) {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID product = fixtures.product("Notice camera " + UUID.randomUUID().toString().substring(0, 6), supportEnd);
        UUID assessment = fixtures.accepted("de-bsi-label:label", product, "1.0.0").id();
        var row = jdbc.sql("select id, label_id from label where assessment_id = ?").param(assessment)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}).single();
        return new Labelled(product, (UUID) row[0], (String) row[1]);
    }

    private MvcResult send(Who who, Labelled l, Map<String, Object> notice) throws Exception {
        return mvc.perform(as(who, withJson(post(l.notices()), notice))).andReturn();
    }

    private JsonNode sent(Who who, Labelled l, Map<String, Object> notice) throws Exception {
        MvcResult r = send(who, l, notice);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return body(r);
    }

    private MvcResult decide(Who who, JsonNode notice, String action, Map<String, Object> body) throws Exception {
        var request = post("/api/v1/notices/" + notice.get("id").asText() + "/" + action)
                .header(HttpHeaders.IF_MATCH, "\"" + notice.get("version").asLong() + "\"");
        return mvc.perform(as(who, body == null ? request : withJson(request, body))).andReturn();
    }

    private JsonNode acknowledged(JsonNode notice) throws Exception {
        MvcResult r = decide(Who.OPERATOR_ADMIN, notice, "acknowledgement", null);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r);
    }

    private JsonNode publicJson(Labelled l) throws Exception {
        MvcResult r = mvc.perform(get("/l/" + l.labelId()).header(HttpHeaders.ACCEPT, "application/json")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return body(r);
    }

    private String publicPage(Labelled l, String lang) throws Exception {
        MvcResult r = mvc.perform(get("/l/" + l.labelId()).header(HttpHeaders.ACCEPT_LANGUAGE, lang)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> updateKinds(Labelled l) throws Exception {
        List<String> kinds = new ArrayList<>();
        publicJson(l).get("updates").forEach(u -> kinds.add(u.get("kind").asText()));
        return kinds;
    }

    private long audited(String action, String entityId) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and entity_id = ?").params(action, entityId)
                .query(Long.class).single();
    }

    private long events(String type, Labelled l) {
        return jdbc.sql("select count(*) from notification_event where type = ? and label_id = ?").params(type, l.labelId())
                .query(Long.class).single();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Map<String, Object> firmware(String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "firmware-update");
        m.put("firmwareVersion", version);
        m.put("releaseDate", today().minusDays(1).toString());
        m.put("changes", "Hardened the web UI; updated OpenSSL");
        m.put("securityFixes", List.of("cve-2026-11111", "CVE-2026-22222"));
        return m;
    }

    @Test
    void firmwareAndFixedVersionArePublicOnlyOnceAcknowledged() throws Exception {
        Labelled l = labelled(LocalDate.of(2031, 12, 31));
        JsonNode fw = sent(Who.VENDOR_MEMBER, l, firmware("2.0.0"));
        assertThat(fw.get("state").asText()).isEqualTo("submitted");
        assertThat(fw.get("kind").asText()).isEqualTo("firmware-update");
        assertThat(fw.get("securityFixes")).extracting(JsonNode::asText).containsExactly("CVE-2026-11111", "CVE-2026-22222");
        assertThat(fw.get("labelCode").asText()).isEqualTo(l.labelId());
        JsonNode fixed = sent(Who.VENDOR_ADMIN, l, Map.of("kind", "vulnerability", "vulnerabilityId", "CVE-2026-33333",
                "status", "fixed", "fixedVersion", "2.0.0"));
        JsonNode notAffected = sent(Who.VENDOR_ADMIN, l, Map.of("kind", "vulnerability", "vulnerabilityId", "PSIRT-2026-7",
                "status", "not_affected"));
        JsonNode company = sent(Who.VENDOR_MEMBER, l, Map.of("kind", "company-or-product", "newProductName", "Notice camera II",
                "newModel", "NC-2"));
        assertThat(events("notice.submitted", l)).isEqualTo(4);

        // Submitted only: nothing public, and the product does not know the version yet.
        assertThat(updateKinds(l)).isEmpty();
        assertThat(publicPage(l, "en")).doesNotContain("Updates notified by the vendor", "2.0.0");
        assertThat(jdbc.sql("select count(*) from product_version where product_id = ? and version = '2.0.0'")
                .param(l.product()).query(Long.class).single()).isZero();
        // The operator's queue shows them, the oldest first.
        JsonNode queue = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/notices"))).andReturn());
        List<String> queued = new ArrayList<>();
        queue.forEach(n -> queued.add(n.get("id").asText()));
        assertThat(queued).containsSubsequence(fw.get("id").asText(), fixed.get("id").asText(),
                notAffected.get("id").asText(), company.get("id").asText());

        JsonNode ack = acknowledged(fw);
        assertThat(ack.get("state").asText()).isEqualTo("acknowledged");
        assertThat(ack.get("acknowledgedBy").asText()).isNotBlank();
        acknowledged(fixed);
        acknowledged(notAffected);
        acknowledged(company);

        JsonNode updates = publicJson(l).get("updates");
        assertThat(updates).hasSize(2);   // the not-affected status and the product change are not public
        JsonNode firmwareUpdate = find(updates, "firmware-update");
        assertThat(firmwareUpdate.get("version").asText()).isEqualTo("2.0.0");
        assertThat(firmwareUpdate.get("date").asText()).isEqualTo(today().minusDays(1).toString());
        assertThat(firmwareUpdate.get("fixes")).extracting(JsonNode::asText).containsExactly("CVE-2026-11111", "CVE-2026-22222");
        JsonNode fixedVersion = find(updates, "fixed-version");
        assertThat(fixedVersion.get("version").asText()).isEqualTo("2.0.0");
        assertThat(fixedVersion.get("fixes")).extracting(JsonNode::asText).containsExactly("CVE-2026-33333");
        assertThat(publicPage(l, "en")).contains("Updates notified by the vendor", "Firmware 2.0.0 released on "
                + today().minusDays(1) + ".", "Fixes CVE-2026-11111, CVE-2026-22222.", "CVE-2026-33333 fixed in version 2.0.0.");
        assertThat(publicPage(l, "ja")).contains("ベンダーから届け出られた更新", "ファームウェア 2.0.0（" + today().minusDays(1)
                + " 公開）。", "CVE-2026-33333 はバージョン 2.0.0 で修正済み。");
        // The acknowledged firmware version is now a version of the product (through the product's own code path).
        assertThat(jdbc.sql("select count(*) from product_version where product_id = ? and version = '2.0.0'")
                .param(l.product()).query(Long.class).single()).isEqualTo(1);
        assertThat(audited("product.version.create", l.product().toString())).isEqualTo(2);

        for (JsonNode n : List.of(fw, fixed, notAffected, company)) {
            assertThat(audited("notice.submit", n.get("id").asText())).isEqualTo(1);
            assertThat(audited("notice.acknowledge", n.get("id").asText())).isEqualTo(1);
        }
        assertThat(events("notice.acknowledged", l)).isEqualTo(4);
        // Acknowledged twice: refused, naming the state.
        MvcResult again = decide(Who.OPERATOR_ADMIN, ack, "acknowledgement", null);
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).get("errors").get(0).get("field").asText()).isEqualTo("state");
    }

    private static JsonNode find(JsonNode updates, String kind) {
        for (JsonNode u : updates) {
            if (u.get("kind").asText().equals(kind)) {
                return u;
            }
        }
        throw new AssertionError("no " + kind + " in " + updates);
    }

    @Test
    void aNewSupportEndReachesProductLabelsPageAndCalendarOnlyOnAcknowledgement() throws Exception {
        Labelled l = labelled(LocalDate.of(2031, 12, 31));
        LocalDate expiry = LocalDate.parse(publicJson(l).get("expiry").asText());
        // Extended: no explanation needed.
        JsonNode extended = sent(Who.VENDOR_ADMIN, l, Map.of("kind", "support-period", "newSupportEnd", "2033-03-31"));
        assertThat(extended.get("previousSupportEnd").asText()).isEqualTo("2031-12-31");
        assertThat(extended.get("shortened").asBoolean()).isFalse();
        assertThat(publicJson(l).get("supportEnd").asText()).isEqualTo("2031-12-31");
        acknowledged(extended);
        assertThat(publicJson(l).get("supportEnd").asText()).isEqualTo("2033-03-31");
        assertThat(publicPage(l, "en")).contains("The support period now ends on 2033-03-31.");
        assertThat(jdbc.sql("select support_end_date from product where id = ?").param(l.product())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2033, 3, 31));
        assertThat(audited("product.update", l.product().toString())).isEqualTo(1);
        assertThat(audited("label.support-end", l.label().toString())).isEqualTo(1);

        // Shortened to 20 days from now: explained, flagged (it ends before the label's expiry), and once
        // acknowledged the calendar warns about the new date.
        LocalDate soon = today().plusDays(20);
        MvcResult unexplained = send(Who.VENDOR_ADMIN, l, Map.of("kind", "support-period", "newSupportEnd", soon.toString()));
        assertThat(unexplained.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(unexplained).get("errors").get(0).get("field").asText()).isEqualTo("explanation");
        JsonNode shortened = sent(Who.VENDOR_ADMIN, l, Map.of("kind", "support-period", "newSupportEnd", soon.toString(),
                "explanation", "The chipset vendor ends its updates"));
        assertThat(shortened.get("shortened").asBoolean()).isTrue();
        assertThat(shortened.get("endsBeforeExpiry").asBoolean()).isEqualTo(soon.isBefore(expiry));
        calendar.recordDue();
        assertThat(supportWarnings(l)).isEmpty();   // control: the 2033 date is far away
        acknowledged(shortened);
        assertThat(publicJson(l).get("supportEnd").asText()).isEqualTo(soon.toString());
        calendar.recordDue();
        assertThat(supportWarnings(l)).containsExactly("30");
        assertThat(audited("label.support-end", l.label().toString())).isEqualTo(2);
        // The label's expiry is the operator's to decide: not changed by the notice.
        assertThat(publicJson(l).get("expiry").asText()).isEqualTo(expiry.toString());
    }

    private List<String> supportWarnings(Labelled l) {
        return jdbc.sql("select data from notification_event where type = 'label.support-ending' and label_id = ?")
                .param(l.labelId()).query(String.class).list().stream()
                .map(d -> d.replaceAll(".*\"daysLeft\":(\\d+).*", "$1")).toList();
    }

    @Test
    void onlyTheLabelsVendorSendsAndSees() throws Exception {
        Labelled l = labelled(LocalDate.of(2031, 12, 31));
        JsonNode own = sent(Who.VENDOR_MEMBER, l, firmware("3.0.0"));   // positive control
        assertThat(send(Who.OTHER_VENDOR_ADMIN, l, firmware("3.0.1")).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(Who.LAB_EVALUATOR, l, firmware("3.0.1")).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(Who.OPERATOR_ADMIN, l, firmware("3.0.1")).getResponse().getStatus()).isEqualTo(403);
        assertThat(send(Who.ANONYMOUS, l, firmware("3.0.1")).getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(as(Who.VENDOR_MEMBER, get(l.notices()))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get(l.notices()))).andReturn().getResponse().getStatus()).isEqualTo(404);
        String one = "/api/v1/notices/" + own.get("id").asText();
        assertThat(mvc.perform(as(Who.VENDOR_MEMBER, get(one))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get(one))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/notices"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        // Only the operator's admins decide; a vendor cannot acknowledge its own notice.
        assertThat(decide(Who.OPERATOR_REVIEWER, own, "acknowledgement", null).getResponse().getStatus()).isEqualTo(403);
        assertThat(decide(Who.VENDOR_ADMIN, own, "acknowledgement", null).getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, post(one + "/acknowledgement"))).andReturn().getResponse()
                .getStatus()).isEqualTo(428);
        assertThat(updateKinds(l)).isEmpty();
    }

    @Test
    void badInputNamesTheField() throws Exception {
        Labelled l = labelled(LocalDate.of(2031, 12, 31));
        sent(Who.VENDOR_ADMIN, l, firmware("4.0.0"));   // positive control: the base notice is accepted
        Map<String, Object> noDate = new LinkedHashMap<>(firmware("4.0.1"));
        noDate.remove("releaseDate");
        assertField(send(Who.VENDOR_ADMIN, l, noDate), 422, "releaseDate");
        Map<String, Object> future = new LinkedHashMap<>(firmware("4.0.1"));
        future.put("releaseDate", today().plusDays(3).toString());
        assertField(send(Who.VENDOR_ADMIN, l, future), 422, "releaseDate");
        Map<String, Object> badCve = new LinkedHashMap<>(firmware("4.0.1"));
        badCve.put("securityFixes", List.of("CVE-2026-1", "heartbleed"));
        MvcResult r = send(Who.VENDOR_ADMIN, l, badCve);
        assertField(r, 422, "securityFixes[0]");
        assertThat(body(r).get("errors").get(1).get("field").asText()).isEqualTo("securityFixes[1]");
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        Map<String, Object> stray = new LinkedHashMap<>(firmware("4.0.1"));
        stray.put("newSupportEnd", "2032-01-01");
        assertField(send(Who.VENDOR_ADMIN, l, stray), 422, "newSupportEnd");
        assertField(send(Who.VENDOR_ADMIN, l, Map.of("kind", "recall")), 400, "kind");
        assertField(send(Who.VENDOR_ADMIN, l, Map.of("kind", "vulnerability", "vulnerabilityId", "CVE-2026-44444",
                "status", "fixed")), 422, "fixedVersion");
        assertField(send(Who.VENDOR_ADMIN, l, Map.of("kind", "vulnerability", "vulnerabilityId", "CVE-2026-44444",
                "status", "patched")), 422, "status");
        assertField(send(Who.VENDOR_ADMIN, l, Map.of("kind", "vulnerability", "vulnerabilityId", "bad id!",
                "status", "affected")), 422, "vulnerabilityId");
        assertField(send(Who.VENDOR_ADMIN, l, Map.of("kind", "support-period", "newSupportEnd", "2031-12-31")), 422,
                "newSupportEnd");
        assertField(send(Who.VENDOR_ADMIN, l, Map.of("kind", "company-or-product")), 422, "newLegalName");
        // A new legal name is a name change request (ADR 0067): the organization's admins only, linked to it.
        assertField(send(Who.VENDOR_MEMBER, l, Map.of("kind", "company-or-product", "newLegalName", "Renamed A "
                + UUID.randomUUID())), 403, "newLegalName");
        jdbc.sql("update organization_name_change set state = 'REJECTED' where organization_id = ? and state = 'PENDING'")
                .param(world.vendorA).update();
        JsonNode renamed = sent(Who.VENDOR_ADMIN, l, Map.of("kind", "company-or-product", "newLegalName", "Renamed A "
                + UUID.randomUUID()));
        assertThat(renamed.get("nameChange").get("state").asText()).isEqualTo("PENDING");
        assertThat(audited("organization.name.request", renamed.get("nameChange").get("id").asText())).isEqualTo(1);
        jdbc.sql("update organization_name_change set state = 'REJECTED' where organization_id = ? and state = 'PENDING'")
                .param(world.vendorA).update();
        assertThat(jdbc.sql("select count(*) from vendor_notice where label_id = ?").param(l.label())
                .query(Long.class).single()).isEqualTo(2);   // nothing of the refused ones was stored
    }

    private void assertField(MvcResult r, int status, String field) throws Exception {
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        List<String> fields = new ArrayList<>();
        body(r).path("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(r.getResponse().getContentAsString()).contains(field);
    }

    @Test
    void theOperatorAsksTheVendorAnswers() throws Exception {
        Labelled l = labelled(LocalDate.of(2031, 12, 31));
        JsonNode n = sent(Who.VENDOR_ADMIN, l, firmware("5.0.0"));
        assertField(decide(Who.OPERATOR_ADMIN, n, "clarification", Map.of("message", " ")), 400, "message");
        MvcResult asked = decide(Who.OPERATOR_ADMIN, n, "clarification", Map.of("message", "Which models get 5.0.0?"));
        assertThat(asked.getResponse().getStatus()).as(asked.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode waiting = body(asked);
        assertThat(waiting.get("state").asText()).isEqualTo("clarification-requested");
        assertThat(events("notice.clarification-requested", l)).isEqualTo(1);
        // While the vendor is asked, the operator cannot acknowledge, and a stale version is refused.
        assertField(decide(Who.OPERATOR_ADMIN, waiting, "acknowledgement", null), 409, "state");
        assertThat(decide(Who.VENDOR_ADMIN, n, "answer", Map.of("message", "All")).getResponse().getStatus()).isEqualTo(412);
        assertThat(decide(Who.OTHER_VENDOR_ADMIN, waiting, "answer", Map.of("message", "All")).getResponse().getStatus())
                .isEqualTo(404);
        MvcResult answered = decide(Who.VENDOR_MEMBER, waiting, "answer", Map.of("message", "NC-1 and NC-2"));
        assertThat(answered.getResponse().getStatus()).as(answered.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode back = body(answered);
        assertThat(back.get("state").asText()).isEqualTo("submitted");
        assertThat(back.get("messages")).extracting(m -> m.get("side").asText() + ":" + m.get("body").asText())
                .containsExactly("operator:Which models get 5.0.0?", "vendor:NC-1 and NC-2");
        assertThat(audited("notice.clarify", n.get("id").asText())).isEqualTo(1);
        assertThat(audited("notice.answer", n.get("id").asText())).isEqualTo(1);
        assertThat(updateKinds(l)).isEmpty();
        acknowledged(back);
        assertThat(updateKinds(l)).containsExactly("firmware-update");
        assertThat(body(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/notices").param("state", "acknowledged")))
                .andReturn()).findValuesAsText("id")).contains(n.get("id").asText());
        assertField(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/notices").param("state", "lost"))).andReturn(), 400,
                "state");
    }
}
