package io.iotseal.server.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.server.ApiTest;
import io.iotseal.server.Who;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Feed imports over the API (issue 16 item 2, ADR 0095) with the core's feed fixtures (files in the exact
 * shape of the real feeds): a vendor's SBOM with a vulnerable log4j-core, the OSV advisory and the KEV catalog
 * imported, the finding with its CVE, CVSS score and KEV date; a file cut mid-way imports nothing and names
 * the file and where it broke; a file over the cap is 413; a kind that does not exist is 400.
 */
class FeedImportApiTest extends ApiTest {

    static byte[] fixture(String path) {
        try (InputStream in = FeedImportApiTest.class.getResourceAsStream("/advisory/feeds/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcResult upload(Who who, String kind, String name, byte[] body) throws Exception {
        var request = post("/api/v1/advisory-feeds/" + kind).contentType("application/octet-stream").content(body);
        if (name != null) {
            request.param("name", name);
        }
        return mvc.perform(as(who, request)).andReturn();
    }

    private String versionWithLog4j() throws Exception {
        JsonNode v = body(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + world.productA + "/versions"),
                Map.of("version", "feed-" + UUID.randomUUID().toString().substring(0, 8), "releaseDate", "2026-11-01"))))
                .andExpect(status().isCreated()).andReturn());
        String version = "/api/v1/products/" + world.productA + "/versions/" + v.get("id").asText();
        String sbom = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1, \"components\": ["
                + "{\"type\": \"library\", \"name\": \"log4j-core\", \"version\": \"2.14.1\","
                + " \"purl\": \"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"},"
                + "{\"type\": \"library\", \"name\": \"log4j-core\", \"version\": \"2.17.1\","
                + " \"purl\": \"pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1\", \"bom-ref\": \"fixed\"}]}";
        mvc.perform(as(Who.VENDOR_ADMIN, post(version + "/sboms").contentType("application/vnd.cyclonedx+json")
                .content(sbom))).andExpect(status().isCreated());
        return version;
    }

    private void awaitRematch(String importId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("select rematched_at is not null from advisory_import where id = ?")
                    .param(UUID.fromString(importId)).query(Boolean.class).single()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the re-match of import " + importId + " did not run within 20 s");
    }

    @Test
    void theOsvAdvisoryAndTheKevCatalogGiveAFindingWithCveScoreAndKevDate() throws Exception {
        String version = versionWithLog4j();
        MvcResult osv = upload(Who.OPERATOR_ADMIN, "osv", "GHSA-jfh8-c2jp-5v3q.json",
                fixture("osv/GHSA-jfh8-c2jp-5v3q.json"));
        assertThat(osv.getResponse().getStatus()).isEqualTo(200);
        JsonNode imported = body(osv);
        assertThat(imported.get("kind").asText()).isEqualTo("OSV");
        assertThat(imported.get("name").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q.json");
        assertThat(imported.get("sha256").asText())
                .isEqualTo(io.iotseal.digest.Sha256.hex(fixture("osv/GHSA-jfh8-c2jp-5v3q.json")));
        assertThat(imported.get("advisories").asInt()).isEqualTo(1);
        awaitRematch(imported.get("id").asText());
        MvcResult kev = upload(Who.OPERATOR_ADMIN, "kev", null, fixture("kev/known_exploited_vulnerabilities.json"));
        assertThat(kev.getResponse().getStatus()).isEqualTo(200);

        JsonNode findings = body(mvc.perform(as(Who.VENDOR_MEMBER, get(version + "/findings")))
                .andExpect(status().isOk()).andReturn());
        assertThat(findings).hasSize(1);
        JsonNode f = findings.get(0);
        assertThat(f.get("advisoryId").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(f.get("version").asText()).isEqualTo("2.14.1");
        assertThat(f.get("aliases").get(0).asText()).isEqualTo("CVE-2021-44228");
        assertThat(f.get("basis").asText()).isEqualTo("PURL");
        assertThat(f.get("fixedIn").asText()).isEqualTo("2.15.0");
        assertThat(f.get("severity").get("cvssVersion").asText()).isEqualTo("3.1");
        assertThat(f.get("severity").get("baseScore").asDouble()).isEqualTo(10.0);
        assertThat(f.get("severity").get("rating").asText()).isEqualTo("Critical");
        assertThat(f.get("kev").asBoolean()).isTrue();
        assertThat(f.get("kevDateAdded").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

        // The import is audited.
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'advisory.feed.import' and entity_id = ?")
                .param(imported.get("id").asText()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFileCutMidwayImportsNothingAndNamesTheFileAndPlace() throws Exception {
        byte[] whole = fixture("osv/DEBIAN-CVE-2023-5678.json");
        long before = jdbc.sql("select count(*) from advisory_import").query(Long.class).single();
        MvcResult r = upload(Who.OPERATOR_ADMIN, "osv", "DEBIAN-CVE-2023-5678.json",
                Arrays.copyOf(whole, whole.length / 2));
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode p = body(r);
        assertThat(p.get("title").asText()).isEqualTo("Malformed feed");
        assertThat(p.get("errors").get(0).get("field").asText()).startsWith("DEBIAN-CVE-2023-5678.json");
        assertThat(p.get("errors").get(0).get("field").asText()).isNotEqualTo("DEBIAN-CVE-2023-5678.json");
        assertThat(jdbc.sql("select count(*) from advisory_import").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void tooLargeUnknownKindsAndOtherCallersAreRefusedByName() throws Exception {
        byte[] big = new byte[70_000];
        Arrays.fill(big, (byte) ' ');
        MvcResult large = upload(Who.OPERATOR_ADMIN, "nvd", null, big);
        assertThat(large.getResponse().getStatus()).isEqualTo(413);
        assertThat(body(large).get("errors").get(0).get("message").asText()).contains("iotseal.advisories.max-bytes");
        MvcResult kind = upload(Who.OPERATOR_ADMIN, "cvrf", null, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(kind.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(kind).get("errors").get(0).get("field").asText()).isEqualTo("kind");
        assertThat(upload(Who.OPERATOR_REVIEWER, "kev", null, fixture("kev/known_exploited_vulnerabilities.json"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(upload(Who.VENDOR_ADMIN, "kev", null, fixture("kev/known_exploited_vulnerabilities.json"))
                .getResponse().getStatus()).isEqualTo(403);
    }
}
