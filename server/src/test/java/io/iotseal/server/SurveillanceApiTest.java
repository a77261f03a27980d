package io.iotseal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.server.surveillance.ProposalService;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16's "done when", over the API (ADR 0095, 0096): a vendor uploads the SBOM of a camera firmware with a
 * vulnerable OpenSSL and BusyBox; after importing the fixture feeds (OSV, NVD, KEV) the findings appear; the
 * vendor marks one not_affected and one affected with a fix version; after the policy period the operator sees
 * a suspension proposal for the KEV-listed one, opens a hearing, and applies it; the public label shows only
 * the triaged entries. The data is created 60 days in the past (the server's clock), so that the policy's 30
 * days have passed by today.
 */
class SurveillanceApiTest extends ApiTest {

    @Autowired
    private TestClock clock;
    @Autowired
    private ProposalService proposals;
    @Autowired
    private ApplicationContext context;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static byte[] resource(String path) {
        try (InputStream in = SurveillanceApiTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void importFeed(String kind, String name, String fixture) throws Exception {
        MvcResult r = mvc.perform(as(Who.OPERATOR_ADMIN, post("/api/v1/advisory-feeds/" + kind).param("name", name)
                .contentType("application/octet-stream").content(resource("/advisory/feeds/" + fixture)))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        awaitRematches();
    }

    private void awaitRematches() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("select count(*) from advisory_import where rematched_at is null").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a feed import's re-match did not run within 20 s");
            }
            Thread.sleep(100);
        }
    }

    /** A vendor A camera with versions 2.0.0 (labelled, with the SBOM) and 2.1.0 (the update). */
    private record Camera(UUID product, String v200, String v210, UUID label, String labelId) {
        String version() {
            return "/api/v1/products/" + product + "/versions/" + v200;
        }
    }

    private Camera labelledCamera() throws Exception {
        AssessmentFixtures fixtures = new AssessmentFixtures(context, world);
        UUID product = fixtures.product("Surveillance camera " + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.of(2031, 12, 31));
        String[] ids = new String[2];
        String[] versions = {"2.0.0", "2.1.0"};
        for (int i = 0; i < 2; i++) {
            ids[i] = body(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + product + "/versions"),
                    Map.of("version", versions[i], "releaseDate", "2026-06-01")))).andExpect(status().isCreated())
                    .andReturn()).get("id").asText();
        }
        UUID assessment = fixtures.accepted("de-bsi-label:label", product, "2.0.0").id();
        var label = jdbc.sql("select id, label_id from label where assessment_id = ?").param(assessment)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}).single();
        return new Camera(product, ids[0], ids[1], (UUID) label[0], (String) label[1]);
    }

    private JsonNode findings(Camera c) throws Exception {
        return body(mvc.perform(as(Who.VENDOR_MEMBER, get(c.version() + "/findings"))).andExpect(status().isOk()).andReturn());
    }

    private static JsonNode byName(JsonNode findings, String name) {
        for (JsonNode f : findings) {
            if (f.get("component").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no finding on " + name + " in " + findings);
    }

    private MvcResult triage(Camera c, Map<String, Object> statement) throws Exception {
        return mvc.perform(as(Who.VENDOR_ADMIN, withJson(post(c.version() + "/triage"), statement))).andReturn();
    }

    private JsonNode publicLabel(Camera c) throws Exception {
        return body(mvc.perform(get("/l/" + c.labelId()).header(HttpHeaders.ACCEPT, "application/json"))
                .andExpect(status().isOk()).andReturn());
    }

    @Test
    void vulnerableOpenSslAndBusyBoxAreTriagedProposedAndShownOnTheLabel() throws Exception {
        clock.setToday(TestClock.realToday().minusDays(60));
        Camera camera = labelledCamera();
        // The feeds first, then the SBOM: its components are matched in this thread, on this context's clock. (A
        // re-match an import queues may run on another test context's scheduler, which shares the database but
        // not always this clock; the re-match itself is FeedImportApiTest's.)
        importFeed("osv", "DEBIAN-CVE-2023-5678.json", "osv/DEBIAN-CVE-2023-5678.json");
        importFeed("nvd", "cves-page-1.json", "nvd/cves-page-1.json");
        importFeed("kev", "known_exploited_vulnerabilities.json", "kev/known_exploited_vulnerabilities.json");
        CameraFirmware firmware = CameraFirmware.next();
        mvc.perform(as(Who.VENDOR_ADMIN, post(camera.version() + "/sboms").contentType("application/vnd.cyclonedx+json")
                .content(firmware.sbom()))).andExpect(status().isCreated());

        JsonNode found = findings(camera);
        JsonNode openssl = byName(found, "openssl");
        assertThat(openssl.get("basis").asText()).isEqualTo("PURL");
        assertThat(openssl.get("aliases").toString()).contains("CVE-2023-5678");
        assertThat(openssl.get("fixedIn").asText()).isEqualTo("3.0.13-1~deb12u1");
        JsonNode busybox = byName(found, "busybox");
        assertThat(busybox.get("advisoryId").asText()).isEqualTo("CVE-2022-48174");
        assertThat(busybox.get("basis").asText()).as("generic purl: only the CPE matched").isEqualTo("CPE");
        assertThat(busybox.get("kev").asBoolean()).isTrue();
        assertThat(found.toString()).doesNotContain("zlib");
        // Nothing is public before the vendor has triaged it.
        assertThat(publicLabel(camera).get("security").get("entries")).isEmpty();

        String opensslPurl = openssl.get("purl").asText();
        assertThat(opensslPurl).isEqualTo(firmware.opensslPurl());
        MvcResult noReason = triage(camera, Map.of("vulnerability", "CVE-2023-5678", "component", opensslPurl,
                "status", "NOT_AFFECTED"));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noReason).get("errors").get(0).get("field").asText()).isEqualTo("justification");
        MvcResult stranger = triage(camera, Map.of("vulnerability", "CVE-2023-5678",
                "component", "pkg:deb/debian/openssl@9.9.9", "status", "UNDER_INVESTIGATION"));
        assertThat(stranger.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(stranger).get("errors").get(0).get("field").asText()).isEqualTo("component");
        assertThat(triage(camera, Map.of("vulnerability", "CVE-2023-5678", "component", opensslPurl,
                "status", "NOT_AFFECTED", "justification", "code_not_reachable")).getResponse().getStatus()).isEqualTo(201);
        assertThat(triage(camera, Map.of("vulnerability", "CVE-2022-48174", "component", busybox.get("purl").asText(),
                "status", "AFFECTED", "actionStatement", "Update the firmware to 2.1.0; until then disable the telnet shell.",
                "fixedIn", "2.1.0")).getResponse().getStatus()).isEqualTo(201);

        // Twenty days ago the KEV rule's 30 days (from the first match) had run out: a proposal, not yet a decision.
        clock.setToday(TestClock.realToday().minusDays(20));
        assertThat(proposals.evaluate().opened()).isEqualTo(1);
        JsonNode list = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/surveillance/proposals?state=open")))
                .andExpect(status().isOk()).andReturn());
        JsonNode proposal = null;
        for (JsonNode p : list) {
            if (p.get("labelId").asText().equals(camera.labelId())) {
                proposal = p;
            }
        }
        assertThat(proposal).as("a proposal for the camera's label").isNotNull();
        assertThat(proposal.get("vulnerability").asText()).isEqualTo("CVE-2022-48174");
        assertThat(proposal.get("action").asText()).isEqualTo("SUSPEND");
        assertThat(proposal.get("triageState").asText()).isEqualTo("AFFECTED");
        String path = "/api/v1/surveillance/proposals/" + proposal.get("id").asText();
        mvc.perform(as(Who.VENDOR_ADMIN, get(path))).andExpect(status().isNotFound());
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post(path + "/decision"),
                Map.of("outcome", "apply", "note", "no fix yet")))).andExpect(status().isConflict());
        JsonNode heard = body(mvc.perform(as(Who.OPERATOR_ADMIN, post(path + "/hearing"))).andExpect(status().isOk()).andReturn());
        assertThat(heard.get("state").asText()).isEqualTo("HEARING");
        assertThat(jdbc.sql("select count(*) from notification_event where type = 'surveillance.hearing-opened'"
                + " and label_id = ? and public_event = false").param(camera.labelId()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(as(Who.VENDOR_ADMIN, withJson(post(path + "/comment"),
                Map.of("comment", "The 2.1.0 update ships next week.")))).andExpect(status().isOk());
        mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post(path + "/decision"),
                Map.of("outcome", "apply", "note", "still not fixed")))).andExpect(status().isConflict());
        assertThat(proposals.evaluate().opened()).as("evaluating again changes nothing").isZero();

        // Today the 14-day hearing is over: the operator applies the proposal through the label status.
        clock.reset();
        JsonNode decided = body(mvc.perform(as(Who.OPERATOR_ADMIN, withJson(post(path + "/decision"),
                Map.of("outcome", "apply", "note", "no fix was delivered during the hearing")))).andExpect(status().isOk())
                .andReturn());
        assertThat(decided.get("state").asText()).isEqualTo("DECIDED");
        JsonNode page = publicLabel(camera);
        assertThat(page.get("status").asText()).isEqualTo("suspended");
        assertThat(page.get("reason").asText()).contains("CVE-2022-48174");
        JsonNode entries = page.get("security").get("entries");
        assertThat(entries).hasSize(2);
        assertThat(page.get("security").get("lastChecked").isNull()).isFalse();
        JsonNode kevEntry = entries.get(0).get("vulnerability").asText().equals("CVE-2022-48174") ? entries.get(0) : entries.get(1);
        assertThat(kevEntry.get("kev").asBoolean()).isTrue();
        assertThat(kevEntry.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(kevEntry.get("status").asText()).isEqualTo("affected");
        assertThat(kevEntry.get("fixedIn").asText()).isEqualTo("2.1.0");
        assertThat(kevEntry.get("updateAvailable").asBoolean()).as("2.1.0 is a version the registry knows").isTrue();

        // The triage as CycloneDX 1.6 VEX, checked by the CycloneDX project's own validator.
        MvcResult vex = mvc.perform(as(Who.VENDOR_MEMBER, get(camera.version() + "/vex"))).andExpect(status().isOk()).andReturn();
        byte[] document = vex.getResponse().getContentAsByteArray();
        assertThat(new JsonParser().validate(document, Version.VERSION_16)).isEmpty();
        String text = new String(document, StandardCharsets.UTF_8);
        assertThat(text).contains("\"not_affected\"", "\"code_not_reachable\"", "\"exploitable\"", "CVE-2022-48174");
    }

    @Test
    void aVexDocumentNamingAComponentOutsideTheSbomIsRefusedByName() throws Exception {
        Camera camera = labelledCamera();
        CameraFirmware firmware = CameraFirmware.next();
        mvc.perform(as(Who.VENDOR_ADMIN, post(camera.version() + "/sboms").contentType("application/vnd.cyclonedx+json")
                .content(firmware.sbom()))).andExpect(status().isCreated());
        String openVex = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1", "author": "Vendor A",
                 "timestamp": "2026-11-01T00:00:00Z", "version": 1,
                 "statements": [
                   {"vulnerability": {"name": "CVE-2022-48174"}, "products": [{"@id": "BUSYBOX"}],
                    "status": "fixed"},
                   {"vulnerability": {"name": "CVE-2023-5678"}, "products": [{"@id": "pkg:deb/debian/openssl@9.9.9"}],
                    "status": "not_affected", "justification": "vulnerable_code_not_present"}]}
                """.replace("BUSYBOX", firmware.busyboxPurl());
        MvcResult refused = mvc.perform(as(Who.VENDOR_ADMIN, post(camera.version() + "/vex").contentType("application/json")
                .content(openVex))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        JsonNode errors = body(refused).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("CVE-2023-5678");
        assertThat(errors.get(0).get("message").asText()).contains("pkg:deb/debian/openssl@9.9.9");
        assertThat(body(mvc.perform(as(Who.VENDOR_ADMIN, get(camera.version() + "/triage"))).andReturn()))
                .as("all or nothing").isEmpty();

        MvcResult imported = mvc.perform(as(Who.VENDOR_ADMIN, post(camera.version() + "/vex").contentType("application/json")
                .content(openVex.replace("pkg:deb/debian/openssl@9.9.9", firmware.busyboxPurl())))).andReturn();
        assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(imported).get("format").asText()).isEqualTo("OPENVEX_JSON");
        JsonNode current = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get(camera.version() + "/triage"))).andReturn());
        assertThat(current).hasSize(2);
        assertThat(current.get(0).get("source").asText()).isEqualTo("OPENVEX");

        MvcResult malformed = mvc.perform(as(Who.VENDOR_ADMIN, post(camera.version() + "/vex").contentType("application/json")
                .content(openVex.substring(0, 120)))).andReturn();
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(malformed).get("title").asText()).isEqualTo("Malformed VEX document");
    }
}
