package io.iotseal.server.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisorySource;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.AffectedRange;
import io.iotseal.advisory.KevEntry;
import io.iotseal.advisory.RangeEvent;
import io.iotseal.advisory.Severity;
import io.iotseal.server.ApiTest;
import io.iotseal.server.Who;
import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The advisory store and findings (issue 16 items 2-3, ADR 0095): an import stores advisories incrementally
 * and queues a re-match of what it touched (run by db-scheduler); an SBOM upload is matched at once;
 * findings are listed per product version with basis, severity and KEV flag; a withdrawn advisory marks its
 * findings gone without deleting them.
 */
class AdvisoryStoreTest extends ApiTest {

    @Autowired
    private AdvisoryImports imports;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String openssl = "pkg:npm/openssl-" + run;
    private final String busybox = "busybox" + run;

    private Actor operator() {
        return new Actor(UUID.randomUUID(), "advisory-test", List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
    }

    /** A fresh version of product A with an SBOM of the camera firmware: openssl by purl, busybox by CPE only. */
    private String versionWithSbom() throws Exception {
        JsonNode v = body(mvc.perform(as(Who.VENDOR_ADMIN, withJson(post("/api/v1/products/" + world.productA + "/versions"),
                Map.of("version", "adv-" + UUID.randomUUID().toString().substring(0, 8), "releaseDate", "2026-11-01"))))
                .andExpect(status().isCreated()).andReturn());
        String version = "/api/v1/products/" + world.productA + "/versions/" + v.get("id").asText();
        String sbom = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1, \"components\": ["
                + "{\"type\": \"library\", \"name\": \"openssl\", \"version\": \"1.1.11\", \"purl\": \"" + openssl + "@1.1.11\"},"
                + "{\"type\": \"application\", \"name\": \"busybox\", \"version\": \"1.33.1\","
                + " \"cpe\": \"cpe:2.3:a:" + busybox + ":" + busybox + ":1.33.1:*:*:*:*:*:*:*\"}]}";
        mvc.perform(as(Who.VENDOR_ADMIN, post(version + "/sboms").contentType("application/vnd.cyclonedx+json")
                .content(sbom.getBytes(StandardCharsets.UTF_8)))).andExpect(status().isCreated());
        return version;
    }

    private Advisory osv(String id, Instant modified, boolean withdrawn, String fixed) {
        return new Advisory(id, AdvisorySource.OSV, List.of(), "openssl flaw " + id,
                Instant.parse("2026-01-01T00:00:00Z"), modified, withdrawn,
                List.of(new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")),
                List.of(new AffectedPackage(openssl, "npm", List.of(new AffectedRange("SEMVER", List.of(
                        new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"), new RangeEvent(RangeEvent.Kind.FIXED, fixed)))),
                        List.of())),
                List.of(), List.of("https://example.org/" + id));
    }

    private Advisory nvd(String cve) {
        return new Advisory(cve, AdvisorySource.NVD, List.of(), "busybox flaw", Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-02-02T00:00:00Z"), false, List.of(),
                List.of(), List.of(new AffectedCpe("cpe:2.3:a:" + busybox + ":" + busybox + ":*:*:*:*:*:*:*:*", null, null,
                null, "1.34.0")), List.of());
    }

    private FeedImport store(String kind, List<Advisory> advisories, List<KevEntry> kev) {
        return imports.store(operator(), new AdvisoryImports.Batch(kind, "test-" + kind.toLowerCase(), "0".repeat(64),
                advisories, kev, List.of()));
    }

    /** Waits for the import's re-match, which db-scheduler runs after the import committed. */
    private void awaitRematch(FeedImport i) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Boolean done = jdbc.sql("select rematched_at is not null from advisory_import where id = ?").param(i.id())
                    .query(Boolean.class).single();
            if (done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the re-match of import " + i.id() + " did not run within 20 s");
    }

    private JsonNode findings(Who who, String version) throws Exception {
        return body(mvc.perform(as(who, get(version + "/findings"))).andExpect(status().isOk()).andReturn());
    }

    @Test
    void anImportRematchesStoredSbomsAndFindingsShowBasisSeverityAndKev() throws Exception {
        String version = versionWithSbom();
        assertThat(findings(Who.VENDOR_ADMIN, version)).isEmpty();

        String osvId = "GHSA-" + run;
        String cve = "CVE-2099-" + Math.abs(run.hashCode() % 100000);
        FeedImport first = store("OSV", List.of(osv(osvId, Instant.parse("2026-03-01T00:00:00Z"), false, "1.1.12")),
                List.of());
        assertThat(first.newCount()).isEqualTo(1);
        assertThat(first.touchedKeys()).isEqualTo(1);
        awaitRematch(first);
        FeedImport nvdImport = store("NVD", List.of(nvd(cve)), List.of());
        awaitRematch(nvdImport);
        store("KEV", List.of(), List.of(new KevEntry(cve, "BusyBox", "BusyBox", LocalDate.parse("2026-04-01"), null, false)));

        JsonNode list = findings(Who.LAB_EVALUATOR, version);
        assertThat(list).hasSize(2);
        JsonNode byPurl = list.findParents("advisoryId").stream().filter(f -> f.get("advisoryId").asText().equals(osvId))
                .findFirst().orElseThrow();
        assertThat(byPurl.get("basis").asText()).isEqualTo("PURL");
        assertThat(byPurl.get("lowerConfidence").asBoolean()).isFalse();
        assertThat(byPurl.get("component").asText()).isEqualTo("openssl");
        assertThat(byPurl.get("version").asText()).isEqualTo("1.1.11");
        assertThat(byPurl.get("fixedIn").asText()).isEqualTo("1.1.12");
        assertThat(byPurl.get("kev").asBoolean()).isFalse();
        JsonNode byCpe = list.findParents("advisoryId").stream().filter(f -> f.get("advisoryId").asText().equals(cve))
                .findFirst().orElseThrow();
        assertThat(byCpe.get("basis").asText()).isEqualTo("CPE");
        assertThat(byCpe.get("lowerConfidence").asBoolean()).isTrue();
        assertThat(byCpe.get("kev").asBoolean()).isTrue();
        assertThat(byCpe.get("kevDateAdded").asText()).isEqualTo("2026-04-01");

        // The vendor whose product it affects sees the advisory; another vendor does not.
        JsonNode advisory = body(mvc.perform(as(Who.VENDOR_MEMBER, get("/api/v1/advisories/" + osvId)))
                .andExpect(status().isOk()).andReturn());
        assertThat(advisory.get("advisory").get("packages").get(0).get("purl").asText()).isEqualTo(openssl);
        mvc.perform(as(Who.OTHER_VENDOR_ADMIN, get("/api/v1/advisories/" + osvId))).andExpect(status().isForbidden());
        mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/advisories/" + cve))).andExpect(status().isOk());
        mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/advisories/GHSA-none-" + run))).andExpect(status().isNotFound());

        // The same data again changes nothing and touches no key; a newer, withdrawn version marks the finding gone.
        FeedImport again = store("OSV", List.of(osv(osvId, Instant.parse("2026-03-01T00:00:00Z"), false, "1.1.12")),
                List.of());
        assertThat(again.unchangedCount()).isEqualTo(1);
        assertThat(again.touchedKeys()).isZero();
        assertThat(again.rematchedAt()).isNotNull();
        FeedImport withdrawn = store("OSV", List.of(osv(osvId, Instant.parse("2026-05-01T00:00:00Z"), true, "1.1.12")),
                List.of());
        assertThat(withdrawn.updatedCount()).isEqualTo(1);
        assertThat(withdrawn.withdrawnCount()).isEqualTo(1);
        awaitRematch(withdrawn);
        assertThat(findings(Who.VENDOR_ADMIN, version)).extracting(f -> f.get("advisoryId").asText()).containsExactly(cve);
        assertThat(jdbc.sql("select count(*) from component_finding where advisory_id = ? and gone_at is not null")
                .param(osvId).query(Long.class).single()).isEqualTo(1);

        // The imports are listed for the operator, newest first.
        JsonNode feeds = body(mvc.perform(as(Who.OPERATOR_REVIEWER, get("/api/v1/advisory-feeds?limit=500")))
                .andExpect(status().isOk()).andReturn());
        assertThat(feeds.findValuesAsText("id")).contains(first.id().toString(), withdrawn.id().toString());
    }

    @Test
    void aNewSbomIsMatchedWhenUploaded() throws Exception {
        String osvId = "GHSA-up-" + run;
        awaitRematch(store("OSV", List.of(osv(osvId, Instant.parse("2026-03-01T00:00:00Z"), false, "1.1.13")), List.of()));
        String version = versionWithSbom();
        assertThat(findings(Who.VENDOR_MEMBER, version)).extracting(f -> f.get("advisoryId").asText())
                .containsExactly(osvId);
    }

    @Test
    void aChangedRangeMarksTheFindingGoneAndItReturnsWhenItMatchesAgain() throws Exception {
        String version = versionWithSbom();
        String osvId = "GHSA-range-" + run;
        awaitRematch(store("OSV", List.of(osv(osvId, Instant.parse("2026-03-01T00:00:00Z"), false, "1.1.12")), List.of()));
        OffsetDateTimeHolder first = firstSeen(osvId);
        // Now fixed before the component's version: no longer affected.
        awaitRematch(store("OSV", List.of(osv(osvId, Instant.parse("2026-03-02T00:00:00Z"), false, "1.1.10")), List.of()));
        assertThat(findings(Who.VENDOR_ADMIN, version)).isEmpty();
        awaitRematch(store("OSV", List.of(osv(osvId, Instant.parse("2026-03-03T00:00:00Z"), false, "1.1.20")), List.of()));
        JsonNode list = findings(Who.VENDOR_ADMIN, version);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("fixedIn").asText()).isEqualTo("1.1.20");
        assertThat(firstSeen(osvId)).isEqualTo(first);
    }

    @Autowired
    private FindingMatcher matcher;

    @Test
    void theFullRematchKeysComponentsStoredWithoutKeysAndFindsTheirFindings() throws Exception {
        String osvId = "GHSA-full-" + run;
        awaitRematch(store("OSV", List.of(osv(osvId, Instant.parse("2026-03-01T00:00:00Z"), false, "1.1.12")), List.of()));
        String version = versionWithSbom();
        // As if stored before V27: no keys, no findings.
        jdbc.sql("delete from component_finding where advisory_id = ?").param(osvId).update();
        jdbc.sql("update sbom_component set purl_key = null, cpe_key = null, component_key = null where purl = ?")
                .param(openssl + "@1.1.11").update();
        assertThat(findings(Who.VENDOR_ADMIN, version)).isEmpty();
        FindingMatcher.Result r = matcher.rematchAll();
        assertThat(r.opened()).isGreaterThanOrEqualTo(1);
        assertThat(findings(Who.VENDOR_ADMIN, version)).extracting(f -> f.get("advisoryId").asText()).containsExactly(osvId);
        assertThat(jdbc.sql("select purl_key from sbom_component where purl = ?").param(openssl + "@1.1.11")
                .query(String.class).single()).isEqualTo(openssl);
    }

    private record OffsetDateTimeHolder(java.time.OffsetDateTime at) {
    }

    private OffsetDateTimeHolder firstSeen(String advisoryId) {
        return new OffsetDateTimeHolder(jdbc.sql("select first_seen from component_finding where advisory_id = ?")
                .param(advisoryId).query(java.time.OffsetDateTime.class).single());
    }
}
