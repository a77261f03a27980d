package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Survey results in the registry (issue 18 item 3, ADR 0105): campaigns registered idempotently, observations
 * stored once per address across uploads, refusals naming line and field, the caps, fingerprint matching (EXACT
 * over PREFIX, ports, ties), and a FAIL on a labelled product's device becoming a finding on its label that the
 * operator sees and decides, while the vendor, the public and the label page never do.
 */
class SurveyApiTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    /** A fresh campaign id and a scope over 127.{octet}.0.0/18 of it. */
    private static Map<String, Object> scope(String id, int octet) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", "iotseal-survey-scope/1");
        s.put("id", id);
        s.put("title", "Weak credentials survey " + id);
        s.put("blocks", List.of("127." + octet + ".0.0/18"));
        s.put("ports", List.of(23, 80, 8080));
        s.put("checks", List.of("open-services", "default-credentials"));
        s.put("credentials", List.of(Map.of("username", "admin", "password", "admin")));
        s.put("rate", 300);
        s.put("window", Map.of("from", "2026-12-01T00:00:00Z", "until", "2026-12-31T23:59:59Z"));
        s.put("legalBasis", "Test statement of the operator");
        s.put("signedOffBy", "Jane Doe, survey lead");
        s.put("signedOffAt", "2026-11-30T09:00:00Z");
        s.put("blockSize", 256);
        return s;
    }

    private static String campaignId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private MvcResult register(Who who, String id, Object scope) throws Exception {
        return mvc.perform(as(who, withJson(put("/api/v1/surveys/" + id), scope))).andReturn();
    }

    /** A registered campaign's scope SHA-256. */
    private String registered(String id, int octet) throws Exception {
        MvcResult r = register(Who.OPERATOR_ADMIN, id, scope(id, octet));
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return body(r).get("scopeSha256").asText();
    }

    private MvcResult upload(Who who, String id, String ndjson) throws Exception {
        return mvc.perform(as(who, post("/api/v1/surveys/" + id + "/observations").contentType("application/x-ndjson")
                .content(ndjson.getBytes(StandardCharsets.UTF_8)))).andReturn();
    }

    private JsonNode uploaded(String id, String ndjson) throws Exception {
        MvcResult r = upload(Who.OPERATOR_ADMIN, id, ndjson);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r);
    }

    /** One observation line; {@code fingerprint} is {kind, port, value} or null, {@code fails} the failing checks. */
    private String line(String id, String sha, String address, Object[] fingerprint, String... fails) throws Exception {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("format", "iotseal-survey-observation/1");
        o.put("campaign", id);
        o.put("scopeSha256", sha);
        o.put("address", address);
        o.put("observedAt", "2026-12-01T17:00:00.123Z");
        o.put("finishedAt", "2026-12-01T17:00:01.456Z");
        o.put("reached", true);
        o.put("optedOut", false);
        o.put("reachability", "port 8080 open");
        o.put("services", List.of(Map.of("port", 8080, "service", "http", "banner", "Server: lighttpd")));
        List<Object> fps = new ArrayList<>();
        if (fingerprint != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("kind", fingerprint[0]);
            f.put("port", fingerprint[1]);
            f.put("value", fingerprint[2]);
            fps.add(f);
        }
        o.put("fingerprints", fps);
        List<Object> findings = new ArrayList<>();
        findings.add(Map.of("check", "open-services", "port", 8080, "service", "http", "verdict", "PASS",
                "summary", "http open", "requirements", List.of()));
        for (String check : fails) {
            findings.add(Map.of("check", check, "port", 8080, "service", "http", "verdict", "FAIL",
                    "summary", "logged in with a default credential (admin/[redacted])",
                    "requirements", List.of("etsi-en-303-645:5.1-1")));
        }
        o.put("findings", findings);
        o.put("worker", "host-1/pid-4242");
        return json.writeValueAsString(o);
    }

    private record Labelled(UUID product, UUID label, String labelId) {
    }

    private Labelled labelled(String name) {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID product = fixtures.product(name, LocalDate.of(2031, 12, 31));
        UUID assessment = fixtures.accepted("de-bsi-label:label", product, "1.0.0").id();
        var row = jdbc.sql("select id, label_id from label where assessment_id = ?").param(assessment)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}).single();
        return new Labelled(product, (UUID) row[0], (String) row[1]);
    }

    private UUID unlabelled(String name) {
        return new AssessmentFixtures(context, world).product(name, LocalDate.of(2031, 12, 31));
    }

    private MvcResult declare(Who who, UUID product, String kind, String matchType, String value, Integer port)
            throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", kind);
        f.put("matchType", matchType);
        f.put("value", value);
        f.put("port", port);
        return mvc.perform(as(who, withJson(post("/api/v1/products/" + product + "/fingerprints"), f))).andReturn();
    }

    private void declared(UUID product, String kind, String matchType, String value, Integer port) throws Exception {
        MvcResult r = declare(Who.VENDOR_MEMBER, product, kind, matchType, value, port);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private long stored(String id) {
        return jdbc.sql("select count(*) from survey_observation where campaign_id = ?").param(id).query(Long.class).single();
    }

    /** The canonical JSON as the probe computes it, written here independently: keys sorted recursively, no spaces. */
    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> t = new TreeMap<>();
            m.forEach((k, v) -> t.put((String) k, sorted(v)));
            return t;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(SurveyApiTest::sorted).toList();
        }
        return o;
    }

    @Test
    void registrationIsIdempotentForTheSameScopeAndRefusesAnother() throws Exception {
        String id = campaignId();
        Map<String, Object> scope = scope(id, 21);
        MvcResult first = register(Who.OPERATOR_ADMIN, id, scope);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        String canonical = json.writeValueAsString(sorted(scope));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(body(first).get("scopeSha256").asText()).isEqualTo(expected);
        assertThat(body(first).get("addressCount").asLong()).isEqualTo(16384);
        assertThat(body(first).get("scope").get("blocks").get(0).asText()).isEqualTo("127.21.0.0/18");

        // The same scope, keys in another order and with whitespace: the same campaign (200, nothing new).
        Map<String, Object> reordered = new TreeMap<>(scope);
        String spaced = json.writerWithDefaultPrettyPrinter().writeValueAsString(reordered);
        MvcResult again = register(Who.OPERATOR_ADMIN, id, spaced);
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(again).get("scopeSha256").asText()).isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'survey.campaign.register' and entity_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);

        Map<String, Object> other = new LinkedHashMap<>(scope);
        other.put("title", "Another title");
        MvcResult conflict = register(Who.OPERATOR_ADMIN, id, other);
        assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
        assertThat(fields(body(conflict))).containsExactly("scope");

        Map<String, Object> bad = scope(campaignId(), 21);
        bad.put("blocks", List.of("127.21.0.0/40"));
        bad.put("checks", List.of("brute-force-resistance"));
        bad.remove("signedOffBy");
        MvcResult refused = register(Who.OPERATOR_ADMIN, (String) bad.get("id"), bad);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(fields(body(refused))).contains("blocks", "checks", "signedOffBy");
        assertThat(register(Who.OPERATOR_ADMIN, campaignId(), scope).getResponse().getStatus()).as("id not the path's")
                .isEqualTo(422);
        assertThat(register(Who.OPERATOR_REVIEWER, campaignId(), scope).getResponse().getStatus()).isEqualTo(403);

        assertThat(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/surveys/" + id))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        JsonNode list = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/surveys"))).andReturn());
        assertThat(list.findValuesAsText("id")).contains(id);
        assertThat(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/surveys"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/no-such-campaign"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void fingerprintsAreDeclaredByTheVendorAndChecked() throws Exception {
        UUID product = unlabelled("Survey FP " + UUID.randomUUID().toString().substring(0, 6));
        String fps = "/api/v1/products/" + product + "/fingerprints";
        MvcResult made = declare(Who.VENDOR_MEMBER, product, "http_title", "exact", "Acme NetCam 200", 8080);
        assertThat(made.getResponse().getStatus()).isEqualTo(201);
        JsonNode f = body(made);
        assertThat(f.get("kind").asText()).isEqualTo("HTTP_TITLE");
        assertThat(f.get("matchType").asText()).isEqualTo("EXACT");
        assertThat(declare(Who.VENDOR_ADMIN, product, "HTTP_TITLE", "EXACT", "Acme NetCam 200", 8080)
                .getResponse().getStatus()).as("the same again").isEqualTo(409);
        Map<String, Object[]> bad = new LinkedHashMap<>();
        bad.put("kind", new Object[]{"FAVICON", "EXACT", "x", null});
        bad.put("matchType", new Object[]{"BANNER", "REGEX", "Acme.*", null});
        bad.put("value", new Object[]{"BANNER", "PREFIX", "Acm", null});
        bad.put("port", new Object[]{"BANNER", "EXACT", "Acme login:", 70000});
        for (var e : bad.entrySet()) {
            Object[] a = e.getValue();
            MvcResult r = declare(Who.VENDOR_ADMIN, product, (String) a[0], (String) a[1], (String) a[2], (Integer) a[3]);
            assertThat(r.getResponse().getStatus()).as(e.getKey()).isEqualTo(422);
            assertThat(fields(body(r))).as(e.getKey()).containsExactly(e.getKey());
        }
        MvcResult tooLong = declare(Who.VENDOR_ADMIN, product, "BANNER", "EXACT", "x".repeat(501), null);
        assertThat(fields(body(tooLong))).containsExactly("value");
        assertThat(body(declare(Who.VENDOR_ADMIN, product, "BANNER", "PREFIX", "Acme", null)).get("value").asText())
                .as("four characters are enough").isEqualTo("Acme");
        String hash = "AB:".repeat(31) + "AB";
        assertThat(body(declare(Who.VENDOR_ADMIN, product, "TLS_CERT_SHA256", "EXACT", hash, 443)).get("value").asText())
                .as("a certificate hash in one spelling").isEqualTo("ab".repeat(32));
        assertThat(fields(body(declare(Who.VENDOR_ADMIN, product, "TLS_CERT_SHA256", "EXACT", "not-hex", 443))))
                .containsExactly("value");
        assertThat(declare(Who.OPERATOR_ADMIN, product, "BANNER", "EXACT", "Acme x", null).getResponse().getStatus())
                .as("the vendor declares").isEqualTo(403);

        assertThat(body(mvc.perform(as(Who.OPERATOR_REVIEWER, get(fps))).andReturn())).hasSize(3);
        assertThat(mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get(fps))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(Who.VENDOR_MEMBER, delete(fps + "/" + f.get("id").asText()))).andReturn()
                .getResponse().getStatus()).isEqualTo(204);
        assertThat(body(mvc.perform(as(Who.VENDOR_MEMBER, get(fps))).andReturn())).hasSize(2);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'product.fingerprint.remove' and entity_id = ?")
                .param(f.get("id").asText()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void observationsAreStoredOnceMatchedAndFailuresBecomeOperatorOnlyLabelFindings() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        Labelled cam = labelled("Survey NetCam " + r);
        UUID family = unlabelled("Survey NetCam family " + r);
        UUID zetaOne = unlabelled("Survey Zeta one " + r);
        UUID zetaTwo = unlabelled("Survey Zeta two " + r);
        declared(cam.product(), "HTTP_TITLE", "EXACT", r + " Acme NetCam 200", 8080);
        declared(family, "HTTP_TITLE", "PREFIX", r + " Acme NetCam", null);
        declared(zetaOne, "BANNER", "PREFIX", r + " Zeta", null);
        declared(zetaTwo, "BANNER", "PREFIX", r + " Zeta", 23);
        String cert = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        UUID certified = unlabelled("Survey certified " + r);
        declared(certified, "TLS_CERT_SHA256", "EXACT", cert.toUpperCase().replaceAll("(..)(?!$)", "$1:"), 443);

        String id = campaignId();
        String sha = registered(id, 22);
        String upload = String.join("\n",
                // EXACT on its port beats the family's PREFIX: the labelled camera, with a FAIL.
                line(id, sha, "127.22.0.1", new Object[]{"HTTP_TITLE", 8080, r + " Acme NetCam 200"}, "default-credentials"),
                // The same title on another port: the EXACT fingerprint is for 8080 only, so the family's PREFIX.
                line(id, sha, "127.22.0.2", new Object[]{"HTTP_TITLE", 80, r + " Acme NetCam 200"}, "default-credentials"),
                line(id, sha, "127.22.0.3", new Object[]{"HTTP_TITLE", 8080, r + " Acme NetCam 300"}),
                // Two products' PREFIXes of the same length: no match.
                line(id, sha, "127.22.0.4", new Object[]{"BANNER", 23, r + " Zeta login:"}, "default-credentials"),
                line(id, sha, "127.22.0.5", null, "default-credentials"),
                // A certificate hash declared upper case with colons, seen lower case: the same certificate.
                line(id, sha, "127.22.0.6", new Object[]{"TLS_CERT_SHA256", 443, cert}),
                // The same device twice in one upload (a redelivered work item): stored once.
                line(id, sha, "127.22.0.1", new Object[]{"HTTP_TITLE", 8080, r + " Acme NetCam 200"}, "default-credentials"),
                "");
        JsonNode first = uploaded(id, upload);
        assertThat(first.toString()).isEqualTo("{\"received\":7,\"stored\":6,\"duplicates\":1,\"matched\":4,\"labelFindings\":1}");
        Map<String, UUID> products = new TreeMap<>();
        jdbc.sql("select address, product_id from survey_observation where campaign_id = ?").param(id)
                .query((rs, n) -> products.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        assertThat(products.get("127.22.0.1")).isEqualTo(cam.product());
        assertThat(products.get("127.22.0.2")).isEqualTo(family);
        assertThat(products.get("127.22.0.3")).isEqualTo(family);
        assertThat(products.get("127.22.0.4")).as("a tie matches nothing").isNull();
        assertThat(products.get("127.22.0.5")).isNull();
        assertThat(products.get("127.22.0.6")).isEqualTo(certified);
        assertThat(jdbc.sql("select after_json from audit_entry where action = 'survey.observations.upload'"
                + " and entity_id = ? order by seq").param(id).query(String.class).list().getFirst())
                .contains("\"ambiguous\":1");

        // A second upload: the camera again (a collector's retry) and another camera failing two checks.
        JsonNode second = uploaded(id, line(id, sha, "127.22.0.1", new Object[]{"HTTP_TITLE", 8080, r + " Acme NetCam 200"},
                "default-credentials") + "\n" + line(id, sha, "127.22.0.9", new Object[]{"HTTP_TITLE", 8080,
                r + " Acme NetCam 200"}, "default-credentials", "plaintext-management"));
        assertThat(second.toString()).isEqualTo("{\"received\":2,\"stored\":1,\"duplicates\":1,\"matched\":1,\"labelFindings\":2}");
        assertThat(stored(id)).isEqualTo(7);

        // The outbox: one event per upload and label, for the operator alone (no vendor, never public).
        List<Map<String, Object>> events = jdbc.sql("select vendor_id, public_event, operator_copy, data from"
                        + " notification_event where type = 'survey.label-finding' and label_id = ? order by occurred_at")
                .param(cam.labelId()).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("vendor", rs.getObject(1));
                    m.put("public", rs.getBoolean(2));
                    m.put("operator", rs.getBoolean(3));
                    m.put("data", rs.getString(4));
                    return m;
                }).list();
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("vendor")).isNull();
            assertThat(e.get("public")).isEqualTo(false);
            assertThat(e.get("operator")).isEqualTo(true);
            assertThat((String) e.get("data")).contains("\"campaign\":\"" + id + "\"");
        });
        assertThat((String) events.get(1).get("data")).contains("\"findings\":2", "\"addresses\":1");

        // The operator sees the findings on the label; nobody else does.
        String findings = "/api/v1/labels/" + cam.label() + "/survey-findings";
        JsonNode seen = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get(findings))).andReturn());
        assertThat(seen).hasSize(3);
        JsonNode one = seen.get(0);
        assertThat(one.get("state").asText()).isEqualTo("OPEN");
        assertThat(one.get("campaignId").asText()).isEqualTo(id);
        assertThat(one.get("fingerprint").asText()).isEqualTo("HTTP_TITLE:8080 EXACT " + r + " Acme NetCam 200");
        assertThat(seen.findValuesAsText("address")).containsOnly("127.22.0.1", "127.22.0.9");
        assertThat(seen.findValuesAsText("checkId")).contains("default-credentials", "plaintext-management");
        for (Who who : List.of(Who.VENDOR_ADMIN, Who.VENDOR_MEMBER, Who.OTHER_VENDOR_ADMIN, Who.LAB_EVALUATOR)) {
            assertThat(mvc.perform(as(who, get(findings))).andReturn().getResponse().getStatus()).as(who.name())
                    .isEqualTo(403);
        }
        assertThat(mvc.perform(get(findings)).andReturn().getResponse().getStatus()).isEqualTo(401);
        for (String accept : List.of("application/json", "text/html")) {
            String page = mvc.perform(get("/l/" + cam.labelId()).header(HttpHeaders.ACCEPT, accept)).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(accept).contains(cam.labelId()).doesNotContain("127.22.0.1", id, "default credential");
        }
        String labelJson = mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/labels/" + cam.label()))).andReturn()
                .getResponse().getContentAsString();
        assertThat(labelJson).doesNotContain("127.22.0.1", id);

        // The operator's admins decide; a reviewer may not; a note is required; once decided it stays.
        String decision = "/api/v1/survey-findings/" + one.get("id").asText() + "/decision";
        assertThat(mvc.perform(as(Who.OPERATOR_REVIEWER, withJson(post(decision), Map.of("decision", "NOTED",
                "note", "x")))).andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult noNote = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("decision", "NOTED"))))
                .andReturn();
        assertThat(noNote.getResponse().getStatus()).isEqualTo(422);
        assertThat(fields(body(noNote))).containsExactly("note");
        MvcResult badDecision = mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("decision", "APPLY",
                "note", "x")))).andReturn();
        assertThat(fields(body(badDecision))).containsExactly("decision");
        JsonNode noted = body(mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("decision", "noted",
                "note", "Put to the vendor in a hearing")))).andReturn());
        assertThat(noted.get("state").asText()).isEqualTo("NOTED");
        assertThat(noted.get("decisionNote").asText()).isEqualTo("Put to the vendor in a hearing");
        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post(decision), Map.of("decision", "DISMISSED",
                "note", "x")))).andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'survey.finding.noted' and entity_id = ?")
                .param(one.get("id").asText()).query(Long.class).single()).isEqualTo(1);
        assertThat(body(mvc.perform(as(Who.OPERATOR_ADMIN, get(findings))).andReturn()).findValuesAsText("state"))
                .containsExactly("OPEN", "OPEN", "NOTED");
    }

    @Test
    void badLinesAreRefusedWholeNamingLineAndField() throws Exception {
        String id = campaignId();
        String sha = registered(id, 23);
        String good = line(id, sha, "127.23.0.1", null);
        MvcResult outside = upload(Who.OPERATOR_ADMIN, id, good + "\n" + line(id, sha, "10.0.0.1", null));
        assertThat(outside.getResponse().getStatus()).isEqualTo(422);
        assertThat(fields(body(outside))).containsExactly("line 2: address");
        assertThat(body(outside).get("detail").asText()).contains("outside");
        assertThat(stored(id)).as("all or nothing").isZero();

        ObjectNode wrong = (ObjectNode) json.readTree(line(id, sha, "127.23.0.2", null, "default-credentials"));
        wrong.put("scopeSha256", "0".repeat(64));
        ((ObjectNode) wrong.get("findings").get(1)).put("verdict", "BROKEN");
        wrong.put("address", "localhost");
        MvcResult many = upload(Who.OPERATOR_ADMIN, id, good + "\n\n" + wrong + "\nnot json");
        assertThat(many.getResponse().getStatus()).isEqualTo(422);
        assertThat(fields(body(many))).containsExactly("line 3: scopeSha256", "line 3: address",
                "line 3: findings[1].verdict", "line 4: json");

        ObjectNode other = (ObjectNode) json.readTree(good);
        other.put("campaign", "another-campaign");
        assertThat(fields(body(upload(Who.OPERATOR_ADMIN, id, other.toString())))).containsExactly("line 1: campaign");
        ObjectNode optedOut = (ObjectNode) json.readTree(good);
        optedOut.put("optedOut", true);
        assertThat(fields(body(upload(Who.OPERATOR_ADMIN, id, optedOut.toString())))).containsExactly("line 1: optedOut");

        assertThat(upload(Who.OPERATOR_ADMIN, "no-such-campaign", good).getResponse().getStatus()).isEqualTo(404);
        assertThat(upload(Who.OPERATOR_REVIEWER, id, good).getResponse().getStatus()).isEqualTo(403);
        assertThat(upload(Who.VENDOR_ADMIN, id, good).getResponse().getStatus()).isEqualTo(403);
        assertThat(fields(body(upload(Who.OPERATOR_ADMIN, id, "\n\n")))).containsExactly("body");
        assertThat(stored(id)).isZero();
    }

    /** Two collectors sending the same devices at once: each stored once, every copy counted somewhere. */
    @Test
    void concurrentUploadsOfTheSameDevicesStoreEachOnce() throws Exception {
        String id = campaignId();
        String sha = registered(id, 25);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            lines.append(line(id, sha, "127.25." + (i / 200) + "." + (i % 200), null)).append('\n');
        }
        String body = lines.toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> uploaded(id, body));
            var b = pool.submit(() -> uploaded(id, body));
            JsonNode x = a.get();
            JsonNode y = b.get();
            assertThat(x.get("stored").asInt() + y.get("stored").asInt()).isEqualTo(300);
            assertThat(x.get("duplicates").asInt() + y.get("duplicates").asInt()).isEqualTo(300);
        } finally {
            pool.shutdown();
        }
        assertThat(stored(id)).isEqualTo(300);
    }

    @Test
    void uploadsAreCappedAndAFullOneIsFast() throws Exception {
        String id = campaignId();
        String sha = registered(id, 24);
        MvcResult lines = upload(Who.OPERATOR_ADMIN, id, "{}\n".repeat(5001));
        assertThat(lines.getResponse().getStatus()).isEqualTo(413);
        assertThat(fields(body(lines))).containsExactly("line 5001");
        byte[] big = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        MvcResult bytes = mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/surveys/" + id + "/observations")
                .contentType("application/x-ndjson").content(big))).andReturn();
        assertThat(bytes.getResponse().getStatus()).isEqualTo(413);
        assertThat(fields(body(bytes))).containsExactly("body");

        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            full.append(line(id, sha, "127.24." + (i / 256) + "." + (i % 256), new Object[]{"HTTP_SERVER", 80,
                    "lighttpd/1." + i}, "default-credentials")).append('\n');
        }
        long start = System.nanoTime();
        JsonNode answer = uploaded(id, full.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.get("stored").asInt()).isEqualTo(5000);
        System.out.println("SurveyApiTest: 5,000 observations stored in " + millis + " ms");
        assertThat(millis).as("one full upload").isLessThan(5_000);
        long again = System.nanoTime();
        assertThat(uploaded(id, full.toString()).get("duplicates").asInt()).isEqualTo(5000);
        System.out.println("SurveyApiTest: the same 5,000 again (all duplicates) in "
                + (System.nanoTime() - again) / 1_000_000 + " ms");
        assertThat(stored(id)).isEqualTo(5000);
    }
}
