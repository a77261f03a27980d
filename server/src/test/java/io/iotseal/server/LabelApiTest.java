package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.label.keys.TrustedKeys;
import io.iotseal.label.verify.LabelVerifier;
import io.iotseal.label.verify.RegistryStatus;
import io.iotseal.label.verify.Verdict;
import io.iotseal.label.verify.Verification;
import io.iotseal.server.demo.DemoRecords;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Labels in the registry (issue 5, ADR 0050): issued on acceptance, verifiable offline, status by the operator. */
class LabelApiTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    @Test
    void acceptedStarOneYieldsAVerifiableLabelWhoseStatusTheOperatorChanges() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        UUID id = jdbc.sql("select id from label where assessment_id = ?").param(accepted.id()).query(UUID.class).single();

        MvcResult read = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/labels/" + id))).andReturn();
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(read.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        JsonNode label = body(read);
        assertThat(label.get("status").asText()).isEqualTo("valid");
        assertThat(label.get("level").asText()).isEqualTo("star-1");
        assertThat(label.get("versions").get(0).asText()).isEqualTo(world.productAVersion);
        assertThat(label.get("qrText").asText()).startsWith("https://registry.example/l/");
        String credential = label.get("credential").asText();

        // Offline verification against the served public keys and status lists.
        MvcResult jwks = mvc.perform(get("/.well-known/jwks.json")).andReturn();
        assertThat(jwks.getResponse().getStatus()).isEqualTo(200);
        assertThat(jwks.getResponse().getContentAsString()).doesNotContain("\"d\"");
        LabelVerifier verifier = new LabelVerifier(TrustedKeys.fromJwks(jwks.getResponse().getContentAsString()));
        Verification ok = verifier.verifyCredential(credential, lists(), Instant.now());
        assertThat(ok.verdict()).as(ok.reason()).isEqualTo(Verdict.VALID);
        assertThat(ok.statusChecked()).isTrue();
        assertThat(verifier.verifyQrText(label.get("qrText").asText(), lists(), Instant.now()).verdict())
                .isEqualTo(Verdict.VALID);
        char[] tampered = credential.toCharArray();
        int at = credential.indexOf('.') + 10;
        tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
        assertThat(verifier.verifyCredential(new String(tampered), lists(), Instant.now()).verdict())
                .isEqualTo(Verdict.INVALID);

        // The status list: vc+jwt, cacheable for its ttl, revalidated by ETag.
        MvcResult list = mvc.perform(get("/status/suspension")).andReturn();
        assertThat(list.getResponse().getContentType()).isEqualTo("application/vc+jwt");
        assertThat(list.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=300");
        String etag = list.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(mvc.perform(get("/status/suspension").header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn()
                .getResponse().getStatus()).isEqualTo(304);

        // Artwork.
        MvcResult svg = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/labels/" + id + "/artwork.svg"))).andReturn();
        assertThat(svg.getResponse().getContentAsString()).contains("<svg");
        MvcResult png = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/labels/" + id + "/artwork.png"))).andReturn();
        assertThat(png.getResponse().getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');
        // The QR scanned from the served PNG verifies offline (issue 5, done when).
        Verification scanned = verifier.verifyImage(png.getResponse().getContentAsByteArray(), lists(), Instant.now());
        assertThat(scanned.verdict()).as(scanned.reason()).isEqualTo(Verdict.VALID);

        // Status changes: operator only, reason and If-Match required.
        status(Who.VENDOR_ADMIN, id, "suspend", "Vulnerability under investigation", "\"1\"", 403);
        status(Who.OPERATOR_ADMIN, id, "suspend", null, "\"1\"", 400);
        status(Who.OPERATOR_ADMIN, id, "suspend", "Vulnerability under investigation", null, 428);
        JsonNode suspended = status(Who.OPERATOR_ADMIN, id, "suspend", "Vulnerability under investigation", "\"1\"", 200);
        assertThat(suspended.get("status").asText()).isEqualTo("suspended");
        assertThat(suspended.get("reason").asText()).isEqualTo("Vulnerability under investigation");
        status(Who.OPERATOR_ADMIN, id, "suspend", "again", "\"1\"", 412);

        // The served list changed at once (a new ETag, so no cache keeps the old one beyond its ttl).
        assertThat(mvc.perform(get("/status/suspension").header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(verifier.verifyCredential(credential, lists(), Instant.now()).verdict()).isEqualTo(Verdict.SUSPENDED);

        JsonNode reinstated = status(Who.OPERATOR_REVIEWER, id, "reinstate", null, "\"2\"", 200);
        assertThat(reinstated.get("status").asText()).isEqualTo("valid");
        assertThat(verifier.verifyCredential(credential, lists(), Instant.now()).verdict()).isEqualTo(Verdict.VALID);

        status(Who.OPERATOR_ADMIN, id, "revoke", null, "\"3\"", 400);
        assertThat(status(Who.OPERATOR_ADMIN, id, "revoke", "Support ended early", "\"3\"", 200)
                .get("status").asText()).isEqualTo("revoked");
        JsonNode conflict = status(Who.OPERATOR_ADMIN, id, "reinstate", "Oops", "\"4\"", 409);
        assertThat(conflict.at("/errors/0/field").asText()).isEqualTo("action");
        status(Who.OPERATOR_ADMIN, id, "suspend", "Oops", "\"4\"", 409);
        assertThat(verifier.verifyCredential(credential, lists(), Instant.now()).verdict()).isEqualTo(Verdict.REVOKED);

        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'label' and entity_id = ?")
                .param(id.toString()).query(Long.class).single();
        assertThat(audited).isEqualTo(1 + 3); // issue, suspend, reinstate, revoke
        assertThat(call(Who.OTHER_VENDOR_ADMIN, get("/api/v1/labels/" + id), 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void theJsonLdContextEveryCredentialNamesIsServedPubliclyWithThePinnedDigest() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        String credential = jdbc.sql("select credential from label where assessment_id = ?").param(accepted.id())
                .query(String.class).single();
        JsonNode payload = json.readTree(java.util.Base64.getUrlDecoder().decode(credential.split("\\.")[1]));
        assertThat(payload.get("@context").get(1).asText()).isEqualTo("https://registry.example/contexts/label-v1.jsonld");
        JsonNode pin = payload.get("relatedResource").get(0);
        assertThat(pin.get("id").asText()).isEqualTo(payload.get("@context").get(1).asText());

        MvcResult served = mvc.perform(get("/contexts/label-v1.jsonld")).andReturn();
        assertThat(served.getResponse().getStatus()).isEqualTo(200);
        assertThat(served.getResponse().getContentType()).isEqualTo("application/ld+json");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-384").digest(served.getResponse().getContentAsByteArray());
        assertThat("sha384-" + java.util.Base64.getEncoder().encodeToString(digest)).isEqualTo(pin.get("digestSRI").asText());
    }

    @Test
    void publicPageInJapaneseOrEnglishWithoutLogin() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        Map<String, Object> row = jdbc.sql("select label_id, qr_text from label where assessment_id = ?")
                .param(accepted.id()).query().singleRow();
        String byToken = row.get("qr_text").toString().substring("https://registry.example".length());
        MvcResult ja = mvc.perform(get(byToken).header(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9,en;q=0.5")).andReturn();
        assertThat(ja.getResponse().getStatus()).isEqualTo(200);
        String html = ja.getResponse().getContentAsString();
        assertThat(html).contains("lang=\"ja\"", "有効", "World Router A", "2030-12-31", "?lang=en");
        MvcResult en = mvc.perform(get("/l/" + row.get("label_id") + "?lang=en")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ja")).andReturn();
        assertThat(en.getResponse().getContentAsString()).contains("lang=\"en\"", "Valid", "Report a vulnerability");
        // One policy for every HTML page (ADR 0069), the page's own header not doubled by Spring Security's.
        assertThat(en.getResponse().getHeaders("Content-Security-Policy"))
                .containsExactly(io.iotseal.server.security.PageHeaders.PAGE_CSP);
        assertThat(en.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        // A strict policy: no inline style; the page's style sheet is a public file of this origin.
        assertThat(io.iotseal.server.security.PageHeaders.PAGE_CSP).contains("style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(html).doesNotContain("<style", "style=").contains("href=\"/assets/label-page.css\"");
        MvcResult css = mvc.perform(get("/assets/label-page.css")).andReturn();
        assertThat(css.getResponse().getStatus()).isEqualTo(200);
        assertThat(css.getResponse().getContentType()).startsWith("text/css");
        assertThat(mvc.perform(get("/l/NOSUCHLABEL1")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** Issue 12 / ISO/IEC 27404: the page says what a label does not assure, in Japanese and in English. */
    @Test
    void publicPageStatesTheLimitsOfAssuranceInBothLanguages() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        Object labelId = jdbc.sql("select label_id from label where assessment_id = ?").param(accepted.id()).query()
                .singleValue();
        String ja = mvc.perform(get("/l/" + labelId + "?lang=ja")).andReturn().getResponse().getContentAsString();
        assertThat(ja).contains("保証の限界", "正式なセキュリティ評価・認証ではなく", "脆弱性がないこと");
        String en = mvc.perform(get("/l/" + labelId + "?lang=en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Limits of assurance", "not a formal security evaluation", "has no vulnerabilities");
    }

    /**
     * ADR 0071: a label built from demo data says so on its page (in both languages), in its JSON face and in
     * the API view; a real one does not. The same label is read before and after its product is recorded as demo data.
     */
    @Test
    void onlyALabelOfDemoDataCarriesTheDemoNotice() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        Map<String, Object> row = jdbc.sql("select id, label_id, product_id from label where assessment_id = ?")
                .param(accepted.id()).query().singleRow();
        String page = "/l/" + row.get("label_id");
        String api = "/api/v1/labels/" + row.get("id");
        assertThat(mvc.perform(get(page + "?lang=ja")).andReturn().getResponse().getContentAsString())
                .doesNotContain("デモデータ", "Demo data", "class=\"demo\"");
        assertThat(body(mvc.perform(get(page).accept(MediaType.APPLICATION_JSON)).andReturn()).get("demo").asBoolean())
                .isFalse();
        assertThat(call(Who.VENDOR_ADMIN, get(api), 200).get("demo").asBoolean()).isFalse();

        DemoRecords demo = context.getBean(DemoRecords.class);
        UUID product = (UUID) row.get("product_id");
        demo.add(DemoRecords.Kind.PRODUCT, product);
        try {
            assertThat(demo.all(DemoRecords.Kind.PRODUCT)).contains(product);
            for (String lang : List.of("ja", "en")) {
                assertThat(mvc.perform(get(page + "?lang=" + lang)).andReturn().getResponse().getContentAsString())
                        .contains("デモデータ: 実在の製品・適合宣言ではありません。", "Demo data: not a real product or declaration.");
            }
            assertThat(body(mvc.perform(get(page).accept(MediaType.APPLICATION_JSON)).andReturn()).get("demo").asBoolean())
                    .isTrue();
            assertThat(call(Who.VENDOR_ADMIN, get(api), 200).get("demo").asBoolean()).isTrue();
        } finally {
            jdbc.sql("delete from demo_record where entity_id = ?").param(product).update();
        }
    }

    @Test
    void aLowerCasedQrTokenOpensTheGenuinePageAndAForgedOneDoesNot() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        Map<String, Object> row = jdbc.sql("select label_id, qr_text from label where assessment_id = ?")
                .param(accepted.id()).query().singleRow();
        String qr = row.get("qr_text").toString();
        String token = qr.substring(qr.lastIndexOf('/') + 1);
        String genuine = mvc.perform(get("/l/" + token + "?lang=en")).andReturn().getResponse().getContentAsString();
        assertThat(genuine).contains("World Router A");
        // Some scanners lower-case the whole URL; the offline verifier accepts it, and so must the page.
        MvcResult lower = mvc.perform(get("/l/" + token.toLowerCase(java.util.Locale.ROOT) + "?lang=en")).andReturn();
        assertThat(lower.getResponse().getStatus()).isEqualTo(200);
        // The same page; only the language switch's links name the address as it was typed.
        assertThat(lower.getResponse().getContentAsString()).isEqualTo(
                genuine.replace("/l/" + token, "/l/" + token.toLowerCase(java.util.Locale.ROOT)));
        JsonNode json = body(mvc.perform(get("/l/" + token.toLowerCase(java.util.Locale.ROOT))
                .accept(MediaType.APPLICATION_JSON)).andReturn());
        assertThat(json.get("labelId").asText()).isEqualTo(row.get("label_id"));
        assertThat(mvc.perform(get("/l/" + row.get("label_id").toString().toLowerCase(java.util.Locale.ROOT)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        // The same label id in a token the registry did not issue (its signature changed) is not this label.
        char last = token.charAt(token.length() - 3);
        String forged = token.substring(0, token.length() - 3) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 2);
        assertThat(mvc.perform(get("/l/" + forged)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/l/" + "A".repeat(token.length()))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aLabelIsReadByItsPublicIdAsWellAsItsUuid() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        Map<String, Object> row = jdbc.sql("select id, label_id from label where assessment_id = ?")
                .param(accepted.id()).query().singleRow();
        String labelId = row.get("label_id").toString();
        JsonNode byUuid = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + row.get("id")), 200);
        JsonNode byLabelId = call(Who.VENDOR_ADMIN, get("/api/v1/labels/" + labelId), 200);
        assertThat(byLabelId).isEqualTo(byUuid);
        assertThat(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/labels/" + labelId + "/artwork.svg"))).andReturn()
                .getResponse().getContentAsString()).contains("<svg");
        // Another vendor gets the same 404 by either id, naming only what it asked for.
        JsonNode hidden = call(Who.OTHER_VENDOR_ADMIN, get("/api/v1/labels/" + labelId), 404);
        assertThat(hidden.toString()).contains(labelId).doesNotContain(row.get("id").toString());
        assertThat(call(Who.VENDOR_ADMIN, get("/api/v1/labels/NOSUCHLABEL1"), 404).get("status").asInt()).isEqualTo(404);
        JsonNode bad = call(Who.VENDOR_ADMIN, get("/api/v1/labels/not-an-id"), 400);
        assertThat(bad.at("/errors/0/field").asText()).isEqualTo("id");
    }

    @Test
    void thePublicPageAnswersMachinesWithTheLiveStatusAndReason() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        Map<String, Object> row = jdbc.sql("select id, label_id, credential from label where assessment_id = ?")
                .param(accepted.id()).query().singleRow();
        assertThat(call(Who.VENDOR_ADMIN, get("/api/v1/assessments/" + accepted.id() + "/label"), 200)
                .get("labelId").asText()).isEqualTo(row.get("label_id"));
        assertThat(call(Who.VENDOR_ADMIN, get("/api/v1/assessments/" + UUID.randomUUID() + "/label"), 404)
                .get("status").asInt()).isEqualTo(404);
        String page = "/l/" + row.get("label_id");
        JsonNode valid = body(mvc.perform(get(page).accept(MediaType.APPLICATION_JSON)).andReturn());
        assertThat(valid.get("status").asText()).isEqualTo("valid");
        assertThat(valid.get("reason").isNull()).isTrue();
        assertThat(mvc.perform(get(page)).andReturn().getResponse().getContentType()).startsWith("text/html");
        assertThat(mvc.perform(get(page).header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andReturn().getResponse().getContentType()).startsWith("text/html");

        UUID id = (UUID) row.get("id");
        status(Who.OPERATOR_ADMIN, id, "suspend", "Firmware recall", "\"1\"", 200);
        MvcResult suspended = mvc.perform(get(page).accept(MediaType.APPLICATION_JSON)).andReturn();
        assertThat(suspended.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
        JsonNode live = body(suspended);
        assertThat(live.get("status").asText()).isEqualTo("suspended");
        assertThat(live.get("reason").asText()).isEqualTo("Firmware recall");
        // What label verify --online does: the signed lists decide, the live status adds the reason.
        LabelVerifier verifier = new LabelVerifier(TrustedKeys.fromJwks(mvc.perform(get("/.well-known/jwks.json"))
                .andReturn().getResponse().getContentAsString()));
        Verification checked = new RegistryStatus(live.get("status").asText(), live.get("reason").asText(),
                live.get("statusSince").asText()).applyTo(verifier.verifyCredential(row.get("credential").toString(),
                lists(), Instant.now()));
        assertThat(checked.verdict()).isEqualTo(Verdict.SUSPENDED);
        assertThat(checked.reason()).contains("Firmware recall");
        assertThat(mvc.perform(get("/l/NOSUCHLABEL1").accept(MediaType.APPLICATION_JSON)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    /**
     * ADR 0090: the public page is served from memory for anonymous visitors, with an ETag (a 304 for a client
     * that has it) and no cookie, yet a status change, here or by another instance, shows on the next request.
     */
    @Test
    void thePublicPageIsCacheableAndStillShowsAChangeAtOnce() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        Map<String, Object> row = jdbc.sql("select id, label_id from label where assessment_id = ?")
                .param(accepted.id()).query().singleRow();
        UUID id = (UUID) row.get("id");
        String page = "/l/" + row.get("label_id");
        MvcResult first = english(page, null);
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
        assertThat(first.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();   // no XSRF-TOKEN
        assertThat(first.getResponse().getContentAsString()).contains("Valid");
        MvcResult again = english(page, null);
        assertThat(again.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        // The first was rendered by the controller; the second came from memory ahead of Spring (LabelPageFilter)
        // with the very same headers.
        assertThat(first.getHandler()).isNotNull();
        assertThat(again.getHandler()).isNull();
        assertThat(headers(again)).isEqualTo(headers(first));
        MvcResult signedIn = mvc.perform(get(page).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .cookie(new jakarta.servlet.http.Cookie("JSESSIONID", "x"))).andReturn();
        assertThat(signedIn.getHandler()).as("a visitor with a session goes the usual way").isNotNull();
        MvcResult json = mvc.perform(get(page).header(HttpHeaders.ACCEPT, "application/json")).andReturn();
        assertThat(json.getHandler()).isNotNull();
        assertThat(json.getResponse().getContentType()).startsWith("application/json");
        MvcResult revalidated = english(page, etag);
        assertThat(revalidated.getResponse().getStatus()).isEqualTo(304);
        assertThat(revalidated.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(english(page, "\"other\"").getResponse().getStatus()).isEqualTo(200);

        status(Who.OPERATOR_ADMIN, id, "suspend", "Firmware recall", "\"1\"", 200);
        MvcResult suspended = english(page, etag);
        assertThat(suspended.getResponse().getStatus()).isEqualTo(200);
        assertThat(suspended.getResponse().getContentAsString()).contains("Suspended", "Firmware recall");
        assertThat(suspended.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);

        // As another server instance would: straight in the shared database (the test profile looks every time).
        jdbc.sql("update label set status = 'REVOKED', reason = 'Elsewhere', updated_at = ?, version = version + 1"
                + " where id = ?").params(java.time.OffsetDateTime.now().plusSeconds(1), id).update();
        assertThat(english(page, null).getResponse().getContentAsString()).contains("Revoked", "Elsewhere");
    }

    @Test
    void aChangeMadeByAnotherInstanceReachesTheServedListAtOnce() throws Exception {
        var accepted = new AssessmentFixtures(context, world).acceptedStarOne();
        UUID id = jdbc.sql("select id from label where assessment_id = ?").param(accepted.id()).query(UUID.class).single();
        String credential = jdbc.sql("select credential from label where id = ?").param(id).query(String.class).single();
        LabelVerifier verifier = new LabelVerifier(TrustedKeys.fromJwks(mvc.perform(get("/.well-known/jwks.json"))
                .andReturn().getResponse().getContentAsString()));
        assertThat(verifier.verifyCredential(credential, lists(), Instant.now()).verdict()).isEqualTo(Verdict.VALID);
        // As another server instance would: straight in the shared database, not through this one's service.
        jdbc.sql("update label set status = 'SUSPENDED', reason = 'Elsewhere', updated_at = ?, version = version + 1"
                + " where id = ?").params(java.time.OffsetDateTime.now().plusSeconds(1), id).update();
        assertThat(verifier.verifyCredential(credential, lists(), Instant.now()).verdict()).isEqualTo(Verdict.SUSPENDED);
    }

    /** Every response header with its values, but the date. */
    private static Map<String, List<String>> headers(MvcResult result) {
        var response = result.getResponse();
        Map<String, List<String>> all = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaderNames().stream().filter(name -> !name.equalsIgnoreCase(HttpHeaders.DATE))
                .forEach(name -> all.put(name, response.getHeaders(name)));
        return all;
    }

    /** The page as an English-speaking browser asks for it, with the ETag it has (or none). */
    private MvcResult english(String page, String ifNoneMatch) throws Exception {
        MockHttpServletRequestBuilder request = get(page).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
        return mvc.perform(ifNoneMatch == null ? request : request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)).andReturn();
    }

    private List<String> lists() throws Exception {
        return List.of(mvc.perform(get("/status/revocation")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/status/suspension")).andReturn().getResponse().getContentAsString());
    }

    private JsonNode status(Who who, UUID id, String action, String reason, String ifMatch, int expected) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        MockHttpServletRequestBuilder request = withJson(post("/api/v1/labels/" + id + "/status"), body);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return call(who, request, expected);
    }

    private JsonNode call(Who who, MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(as(who, request)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        return body(result);
    }
}
