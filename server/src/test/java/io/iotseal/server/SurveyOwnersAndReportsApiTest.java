package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.oscal.OscalSchemas;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.iotseal.server.SurveyFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Owner notices and survey reports over the API (issue 18 items 4 and 5, ADR 0106): the three address-to-owner
 * formats with good and bad lines, the longest-prefix lookup in both families, failing devices grouped by owner and
 * exported per owner as JSON and CSV, a campaign's counts with the trend against the one before, and one device's
 * OSCAL assessment results valid against the official schema. Campaigns and observations are written straight into
 * the V35 tables ({@link SurveyFixtures}).
 */
class SurveyOwnersAndReportsApiTest extends ApiTest {

    private static final String IMPORTS = "/api/v1/address-owners/imports";

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SurveyOwnersAndReportsApiTest.class.getResourceAsStream("/surveys/" + name)) {
            return in.readAllBytes();
        }
    }

    private MvcResult upload(Who who, String format, String fileName, byte[] body) throws Exception {
        return mvc.perform(as(who, post(IMPORTS + "?format=" + format + "&fileName=" + fileName)
                .contentType("text/plain").content(body))).andReturn();
    }

    private JsonNode imported(String format, String resource) throws Exception {
        MvcResult r = upload(Who.OPERATOR_ADMIN, format, resource, resource(resource));
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return body(r);
    }

    private MvcResult lookup(String address) throws Exception {
        return mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/address-owners/lookup").param("address", address))).andReturn();
    }

    private String ownerOf(String address) throws Exception {
        MvcResult r = lookup(address);
        if (r.getResponse().getStatus() == 404) {
            return null;
        }
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r).get("ownerId").asText();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void rirDelegationFileSkipsWhatNobodyHoldsAndKeepsRangesThatAreNoPrefix() throws Exception {
        byte[] file = resource("delegated-extended-excerpt.txt");
        JsonNode i = imported("rir", "delegated-extended-excerpt.txt");
        assertThat(i.get("format").asText()).isEqualTo("rir");
        // 9 lines name owners; three RIR ranges of 1536, 3072 and 768 addresses are two prefixes each
        assertThat(i.get("blocks").asInt()).isEqualTo(12);
        // 4 comments, the version line, 3 summaries, 2 AS numbers, 3 available or reserved blocks
        assertThat(i.get("skippedLines").asInt()).isEqualTo(13);
        assertThat(i.get("active").asBoolean()).isTrue();
        assertThat(i.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));

        // 195.85.96.0 + 1536 addresses ends at 195.85.101.255: a range, not a prefix.
        JsonNode dk = body(lookup("195.85.101.255"));
        assertThat(dk.get("ownerId").asText()).isEqualTo("654e8153-9457-446b-bbe9-2db02b7ba0a8");
        assertThat(dk.get("prefix").asText()).isEqualTo("195.85.96.0+1536");
        assertThat(dk.get("country").asText()).isEqualTo("DK");
        assertThat(ownerOf("195.85.102.0")).isNull();
        assertThat(ownerOf("196.4.165.255")).isEqualTo("F36B0DC0");
        assertThat(ownerOf("196.4.166.0")).isNull();
        assertThat(ownerOf("41.57.112.1")).as("reserved space has no owner").isNull();
        assertThat(ownerOf("1.0.0.255")).isEqualTo("A91872ED");
        // IPv6: the prefix length is the value; the /64 inside no larger block, the /35 and the /29.
        assertThat(ownerOf("2001:200:1fff::1")).isEqualTo("A916B6AA");
        assertThat(ownerOf("2001:200:2000::1")).isNull();
        assertThat(ownerOf("2001:7fa:0:1::53")).isEqualTo("A91972B6");
        assertThat(ownerOf("2001:607:ffff::1")).isEqualTo("6c4fb689-12a2-41cf-93d5-eb39bcfae759");

        JsonNode list = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get(IMPORTS))).andReturn());
        assertThat(list.get(0).get("id").asText()).isEqualTo(i.get("id").asText());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'address-owners.import' and entity_id = ?")
                .param(i.get("id").asText()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBadFileNamesEveryBadLineAndLeavesTheActiveTableAsItWas() throws Exception {
        imported("routes", "routes.txt");
        long blocks = jdbc.sql("select count(*) from address_owner_block").query(Long.class).single();

        MvcResult rir = upload(Who.OPERATOR_ADMIN, "rir", "bad.txt", resource("delegated-bad.txt"));
        assertThat(rir.getResponse().getStatus()).isEqualTo(422);
        assertThat(rir.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(fields(body(rir))).containsExactly("line 4", "line 5", "line 6", "line 7", "line 8");
        assertThat(body(rir).get("detail").asText()).contains("1.0.1.300", "prefix length", "pending", "found 4 fields", "255.255.255.255");

        MvcResult routes = upload(Who.OPERATOR_ADMIN, "routes", "bad.txt", resource("routes-bad.txt"));
        assertThat(routes.getResponse().getStatus()).isEqualTo(422);
        assertThat(fields(body(routes))).containsExactly("line 2", "line 3", "line 4", "line 5");

        MvcResult csv = upload(Who.OPERATOR_ADMIN, "csv", "bad.csv", resource("owners-bad.csv"));
        assertThat(csv.getResponse().getStatus()).isEqualTo(422);
        assertThat(fields(body(csv))).containsExactly("line 2", "line 3", "line 4", "line 5");
        assertThat(body(csv).get("detail").asText()).contains("not-an-email", "bad owner");

        // Nothing of the refused files was kept: the routes table answers as before.
        assertThat(jdbc.sql("select count(*) from address_owner_block").query(Long.class).single()).isEqualTo(blocks);
        assertThat(ownerOf("192.0.2.5")).isEqualTo("AS64500");

        assertThat(fields(body(upload(Who.OPERATOR_ADMIN, "xml", "x", "a".getBytes())))).containsExactly("format");
        MvcResult noFormat = mvc.perform(as(Who.OPERATOR_ADMIN, post(IMPORTS).contentType("text/plain").content("x"))).andReturn();
        assertThat(noFormat.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(noFormat))).containsExactly("format");
        MvcResult empty = upload(Who.OPERATOR_ADMIN, "csv", "empty.csv", new byte[0]);
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(empty))).containsExactly("body");
        MvcResult latin1 = upload(Who.OPERATOR_ADMIN, "csv", "latin1.csv", new byte[]{'1', '9', (byte) 0xe9, '\n'});
        assertThat(latin1.getResponse().getStatus()).isEqualTo(400);
        MvcResult onlyComments = upload(Who.OPERATOR_ADMIN, "routes", "c.txt", "# nothing\n".getBytes());
        assertThat(onlyComments.getResponse().getStatus()).isEqualTo(422);
        assertThat(upload(Who.OPERATOR_REVIEWER, "routes", "r.txt", resource("routes.txt")).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(upload(Who.VENDOR_ADMIN, "routes", "r.txt", resource("routes.txt")).getResponse().getStatus())
                .isEqualTo(403);
        MvcResult name = lookup("example.com");
        assertThat(name.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(name))).containsExactly("address");
    }

    @Test
    void routingTableLookupTakesTheLongestPrefixInBothFamilies() throws Exception {
        JsonNode i = imported("routes", "routes.txt");
        assertThat(i.get("blocks").asInt()).isEqualTo(5);
        JsonNode sub = body(lookup("192.0.2.200"));
        assertThat(sub.get("ownerId").asText()).isEqualTo("AS64501");
        assertThat(sub.get("ownerName").asText()).isEqualTo("EXAMPLE-SUB Kabushiki");
        assertThat(sub.get("prefix").asText()).isEqualTo("192.0.2.128/25");
        assertThat(ownerOf("192.0.2.127")).isEqualTo("AS64500");
        assertThat(ownerOf("2001:db8:1:ffff::1")).isEqualTo("AS64502");
        assertThat(ownerOf("2001:db8:2::1")).isEqualTo("AS64500");
        assertThat(ownerOf("2001:db9::1")).isNull();
        assertThat(ownerOf("198.51.100.255")).isEqualTo("AS64503");
        assertThat(body(lookup("198.51.100.1")).get("ownerName").isNull()).isTrue();
        assertThat(ownerOf("::ffff:192.0.2.200")).as("an IPv4-mapped IPv6 address is the IPv4 address").isEqualTo("AS64501");
    }

    /** Imports the CSV table and a campaign with failing devices of three owners and of none. */
    private String campaignWithOwners() throws Exception {
        imported("csv", "owners.csv");
        SurveyFixtures s = new SurveyFixtures(jdbc);
        String c = SurveyFixtures.id("owners");
        s.campaign(c, "Owners survey", List.of("198.51.100.0/24", "203.0.113.0/24", "192.0.2.0/24", "2001:db8:2::/120"),
                1024, OffsetDateTime.now().minusDays(1));
        s.device(c, "198.51.100.10", world.productA, List.of(
                finding("default-credentials", 8080, "http", "FAIL", "logged in with a default credential (admin/[redacted])",
                        "etsi-en-303-645:5.1-1"),
                finding("information-disclosure", 8080, "http", "PASS", "no version disclosed", "etsi-en-303-645:5.6-1")));
        s.device(c, "198.51.100.11", null, List.of(finding("open-services", 80, "http", "PASS", "only HTTP open")));
        s.device(c, "198.51.100.70", null, List.of(
                finding("default-credentials", 23, "telnet", "FAIL", "logged in with a default credential (root/[redacted])",
                        "etsi-en-303-645:5.1-1"),
                finding("plaintext-management", 23, "telnet", "FAIL", "management over Telnet, in clear text",
                        "etsi-en-303-645:5.5-1")));
        s.device(c, "203.0.113.5", null, List.of(finding("information-disclosure", 80, "http", "FAIL",
                "=HYPERLINK(\"x\") page shows \"firmware 1.2, build 7\"", "etsi-en-303-645:5.6-1")));
        s.device(c, "192.0.2.9", null, List.of(finding("default-credentials", 8080, "http", "FAIL",
                "logged in with a default credential (admin/[redacted])", "etsi-en-303-645:5.1-1")));
        s.device(c, "2001:db8:2::1", null, List.of(finding("default-credentials", 80, "http", "FAIL",
                "logged in with a default credential (admin/[redacted])", "etsi-en-303-645:5.1-1")));
        s.unreached(c, "198.51.100.12");
        s.optedOut(c, "198.51.100.13");
        return c;
    }

    @Test
    void failingDevicesAreGroupedByOwnerAndEachOwnerGetsOnlyTheirOwnFindings() throws Exception {
        String c = campaignWithOwners();
        MvcResult r = mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/surveys/" + c + "/owners"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode owners = body(r);
        List<String> rows = new ArrayList<>();
        owners.forEach(o -> rows.add(o.get("ownerId").asText() + ":" + o.get("devicesWithFail").asInt() + ":"
                + o.get("failFindings").asInt()));
        // isp-one: 198.51.100.10 and 2001:db8:2::1; corp-two's /26 is longer than isp-one's /24 for .70.
        assertThat(rows).containsExactly("isp-one:2:2", "-:1:1", "corp-two:1:2", "isp-three:1:1");
        assertThat(owners.get(0).get("contactEmail").asText()).isEqualTo("abuse@isp-one.example");
        assertThat(owners.get(0).get("ownerName").asText()).isEqualTo("ISP One, Inc.");
        assertThat(owners.get(3).get("contactEmail").isNull()).isTrue();

        JsonNode f = body(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c + "/owners/isp-one/findings")))
                .andReturn());
        assertThat(f.get("ownerName").asText()).isEqualTo("ISP One, Inc.");
        List<String> found = new ArrayList<>();
        f.get("findings").forEach(x -> found.add(x.get("address").asText() + " " + x.get("port").asInt() + " "
                + x.get("check").asText() + " " + x.get("verdict").asText() + " " + x.get("requirements").get(0).asText()));
        assertThat(found).containsExactlyInAnyOrder("198.51.100.10 8080 default-credentials FAIL etsi-en-303-645:5.1-1",
                "2001:db8:2::1 80 default-credentials FAIL etsi-en-303-645:5.1-1");
        String text = f.toString();
        assertThat(text).doesNotContain("lighttpd", "NetCam", "198.51.100.70", "\"admin\"", "PASS");

        MvcResult csv = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c + "/owners/isp-three/findings.csv")))
                .andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment", "survey-" + c + "-owner-isp-three-findings.csv");
        String body = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("address,observed_at,port,service,check,verdict,summary,requirements\r\n"
                + "203.0.113.5,2026-12-01T17:00:00.123Z,80,http,information-disclosure,FAIL,"
                + "\"'=HYPERLINK(\"\"x\"\") page shows \"\"firmware 1.2, build 7\"\"\",etsi-en-303-645:5.6-1\r\n");

        String corp = new String(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c
                + "/owners/corp-two/findings.csv"))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(corp.split("\r\n")).hasSize(3).allMatch(l -> !l.contains("198.51.100.10"));
        JsonNode unknown = body(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c + "/owners/-/findings")))
                .andReturn());
        assertThat(unknown.get("findings").get(0).get("address").asText()).isEqualTo("192.0.2.9");

        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c + "/owners/nobody/findings")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/no-such-campaign/owners")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(as(Who.VENDOR_ADMIN, get("/api/v1/surveys/" + c + "/owners")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/surveys/" + c + "/owners")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void summaryCountsWhatTheCampaignCoveredAndFoundAndItsTrend() throws Exception {
        SurveyFixtures s = new SurveyFixtures(jdbc);
        // Registered years ago, a second apart, so that no other test's campaign falls between them.
        OffsetDateTime at = OffsetDateTime.parse("2001-01-01T00:00:00Z").plusMinutes((long) (Math.random() * 1_000_000));
        String before = SurveyFixtures.id("before");
        String after = SurveyFixtures.id("after");
        s.campaign(before, "November survey", List.of("198.51.100.0/24"), 256, at);
        s.campaign(after, "December survey", List.of("198.51.100.0/23"), 512, at.plusSeconds(1));
        String creds = "etsi-en-303-645:5.1-1";
        for (int i = 1; i <= 3; i++) {
            s.device(before, "198.51.100." + i, world.productA, List.of(finding("default-credentials", 80, "http", "FAIL",
                    "logged in with a default credential (admin/[redacted])", creds)));
        }
        s.device(after, "198.51.100.1", world.productA, List.of(
                finding("default-credentials", 80, "http", "FAIL", "logged in with a default credential (admin/[redacted])", creds),
                finding("information-disclosure", 80, "http", "INCONCLUSIVE", "the page did not load", "etsi-en-303-645:5.6-1")));
        s.device(after, "198.51.100.2", world.productA, List.of(
                finding("default-credentials", 80, "http", "PASS", "no default credential accepted", creds)));
        s.device(after, "198.51.100.3", null, List.of(
                finding("default-credentials", 23, "telnet", "FAIL", "logged in with a default credential (root/[redacted])", creds),
                finding("open-services", 23, "telnet", "NOT_APPLICABLE", "not asked")));
        s.unreached(after, "198.51.100.4");
        s.optedOut(after, "198.51.100.5");

        MvcResult r = mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/surveys/" + after + "/summary"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode sum = body(r);
        assertThat(sum.get("campaign").get("id").asText()).isEqualTo(after);
        assertThat(List.of(sum.get("addressesInScope").asInt(), sum.get("addressesCovered").asInt(),
                sum.get("optedOut").asInt(), sum.get("devicesReached").asInt(), sum.get("devicesWithFail").asInt()))
                .containsExactly(512, 5, 1, 3, 2);
        List<String> checks = new ArrayList<>();
        sum.get("findingsByCheck").forEach(c -> checks.add(c.get("check").asText() + " " + c.get("fail").asInt() + "/"
                + c.get("pass").asInt() + "/" + c.get("inconclusive").asInt()));
        assertThat(checks).containsExactly("default-credentials 2/1/0", "information-disclosure 0/0/1");
        String productName = jdbc.sql("select name_en from product where id = ?").param(world.productA).query(String.class).single();
        JsonNode models = sum.get("findingsByModel");
        assertThat(models).hasSize(2);
        assertThat(models.get(0).get("productId").asText()).isEqualTo(world.productA.toString());
        assertThat(models.get(0).get("productName").asText()).isEqualTo(productName);
        assertThat(List.of(models.get(0).get("devices").asInt(), models.get(0).get("devicesWithFail").asInt(),
                models.get(0).get("failFindings").asInt())).containsExactly(2, 1, 1);
        assertThat(models.get(1).get("productId").isNull()).isTrue();
        assertThat(models.get(1).get("devices").asInt()).isEqualTo(1);

        assertThat(sum.get("against").get("id").asText()).isEqualTo(before);
        List<String> trend = new ArrayList<>();
        sum.get("trend").forEach(t -> trend.add(t.get("measure").asText()
                + (t.get("check").isNull() ? "" : " " + t.get("check").asText() + " " + t.get("verdict").asText())
                + " " + t.get("current").asInt() + " " + t.get("previous").asInt() + " " + t.get("difference").asInt()));
        assertThat(trend).contains("addressesInScope 512 256 256", "addressesCovered 5 3 2", "devicesWithFail 2 3 -1",
                "findings default-credentials FAIL 2 3 -1", "findings default-credentials PASS 1 0 1",
                "findings information-disclosure INCONCLUSIVE 1 0 1");

        JsonNode reverse = body(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + before + "/summary")
                .param("against", after))).andReturn());
        assertThat(reverse.get("against").get("id").asText()).isEqualTo(after);
        assertThat(reverse.get("trend").get(4).get("difference").asInt()).isEqualTo(1);   // devicesWithFail 3 against 2
        MvcResult bad = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + after + "/summary")
                .param("against", "no-such-campaign"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(bad))).containsExactly("against");
        assertThat(mvc.perform(as(Who.LAB_EVALUATOR, get("/api/v1/surveys/" + after + "/summary")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void oneDevicesOscalResultsAreValidAndCarryTheCampaignsAuthority() throws Exception {
        SurveyFixtures s = new SurveyFixtures(jdbc);
        String c = SurveyFixtures.id("oscal");
        String sha = s.campaign(c, "OSCAL survey", List.of("198.51.100.0/24", "2001:db8::/120"), 512, OffsetDateTime.now());
        s.device(c, "198.51.100.20", world.productA, List.of(
                finding("default-credentials", 8080, "http", "FAIL", "logged in with a default credential (admin/[redacted])",
                        "etsi-en-303-645:5.1-1"),
                finding("information-disclosure", 8080, "http", "INCONCLUSIVE", "the page did not load",
                        "etsi-en-303-645:5.6-1"),
                finding("open-services", 8080, "http", "NOT_APPLICABLE", "not asked")));
        s.unreached(c, "2001:db8::7");

        MvcResult r = mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/surveys/" + c + "/devices/198.51.100.20/oscal")))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode doc = body(r);
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
        JsonNode ar = doc.get("assessment-results");
        assertThat(ar.get("metadata").get("oscal-version").asText()).isEqualTo("1.1.3");
        Map<String, String> props = new java.util.HashMap<>();
        ar.get("metadata").get("props").forEach(p -> props.put(p.get("name").asText(), p.get("value").asText()));
        assertThat(props).containsEntry("scope-sha256", sha).containsEntry("survey-campaign", c)
                .containsEntry("legal-basis", "Act on NICT, supplementary provision article 8-2 (text of the operator's own statement)");
        JsonNode result = ar.get("results").get(0);
        assertThat(result.get("observations")).hasSize(3);
        assertThat(result.get("findings")).hasSize(2);
        assertThat(result.get("findings").get(0).get("target").get("target-id").asText()).isEqualTo("id-5.1-1");
        assertThat(result.get("findings").get(0).get("target").get("status").get("state").asText()).isEqualTo("not-satisfied");
        assertThat(body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/surveys/" + c + "/devices/198.51.100.20/oscal")))
                .andReturn())).as("the same observation gives the same document").isEqualTo(doc);

        JsonNode v6 = body(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c + "/devices/2001:db8::7/oscal")))
                .andReturn());
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, v6)).isEmpty();
        assertThat(v6.get("assessment-results").get("results").get(0).has("findings")).isFalse();

        assertThat(mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c + "/devices/198.51.100.99/oscal")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        MvcResult bad = mvc.perform(as(Who.OPERATOR_ADMIN, get("/api/v1/surveys/" + c + "/devices/not-an-address/oscal")))
                .andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(body(bad))).containsExactly("address");
        assertThat(mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/surveys/" + c + "/devices/198.51.100.20/oscal")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
