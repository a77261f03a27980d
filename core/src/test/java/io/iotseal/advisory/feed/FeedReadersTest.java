package io.iotseal.advisory.feed;

import io.iotseal.advisory.Advisory;
import io.iotseal.advisory.AdvisorySource;
import io.iotseal.advisory.AffectedCpe;
import io.iotseal.advisory.AffectedPackage;
import io.iotseal.advisory.AffectedRange;
import io.iotseal.advisory.KevEntry;
import io.iotseal.advisory.RangeEvent;
import io.iotseal.advisory.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each feed format read from fixtures in the real feeds' shape (ADR 0092). */
class FeedReadersTest {

    private static Map<String, Advisory> byId(FeedBatch batch) {
        return batch.advisories().stream().collect(Collectors.toMap(Advisory::id, Function.identity()));
    }

    @Test
    void readsOneOsvRecordWithItsPurlRangesSeverityAndAliases() throws Exception {
        FeedBatch batch = FeedReaders.read(FeedKind.OSV, Fixtures.path("osv/GHSA-jfh8-c2jp-5v3q.json"));

        assertThat(batch.kind()).isEqualTo(FeedKind.OSV);
        assertThat(batch.kev()).isEmpty();
        assertThat(batch.warnings()).isEmpty();
        Advisory a = batch.advisories().getFirst();
        assertThat(a.id()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(a.source()).isEqualTo(AdvisorySource.OSV);
        assertThat(a.aliases()).containsExactly("CVE-2021-44228");
        assertThat(a.modified()).isEqualTo(Instant.parse("2024-03-01T10:20:30Z"));
        assertThat(a.published()).isEqualTo(Instant.parse("2021-12-10T00:40:56Z"));
        assertThat(a.withdrawn()).isFalse();
        assertThat(a.summary()).startsWith("Remote code execution");
        assertThat(a.severities()).containsExactly(
                new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"));
        assertThat(a.packages()).containsExactly(new AffectedPackage("pkg:maven/org.apache.logging.log4j/log4j-core",
                "Maven", List.of(new AffectedRange("ECOSYSTEM", List.of(
                        new RangeEvent(RangeEvent.Kind.INTRODUCED, "2.0-beta9"),
                        new RangeEvent(RangeEvent.Kind.FIXED, "2.15.0")))), List.of()));
        assertThat(a.cpes()).isEmpty();
        assertThat(a.references()).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2021-44228",
                "https://github.com/apache/logging-log4j2");
    }

    @Test
    void aFolderOfOsvRecordsBuildsPurlsFromTheEcosystemAndMarksWithdrawn() throws Exception {
        FeedBatch batch = FeedReaders.read(FeedKind.OSV, Fixtures.path("osv"));

        Map<String, Advisory> all = byId(batch);
        assertThat(all).containsOnlyKeys("GHSA-jfh8-c2jp-5v3q", "DEBIAN-CVE-2023-5678", "ALPINE-CVE-2022-48174");

        Advisory debian = all.get("DEBIAN-CVE-2023-5678");
        assertThat(debian.modified()).isEqualTo(Instant.parse("2024-05-02T08:00:00.123456Z"));
        assertThat(debian.aliases()).as("the CVE it tracks, from upstream").containsExactly("CVE-2023-5678");
        assertThat(debian.packages()).singleElement().satisfies(p -> {
            assertThat(p.purl()).isEqualTo("pkg:deb/debian/openssl");
            assertThat(p.ecosystem()).isEqualTo("Debian:12");
            assertThat(p.versions()).containsExactly("3.0.9-1", "3.0.11-1~deb12u2");
            assertThat(p.ranges().getFirst().events()).containsExactly(
                    new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"), new RangeEvent(RangeEvent.Kind.FIXED, "3.0.13-1~deb12u1"));
        });
        // the Linux kernel package has no purl type: skipped, and said so with the advisory and ecosystem
        assertThat(batch.warnings()).singleElement().asString()
                .contains("DEBIAN-CVE-2023-5678.json /affected/1/package", "DEBIAN-CVE-2023-5678", "'Linux'", "Kernel");

        Advisory alpine = all.get("ALPINE-CVE-2022-48174");
        assertThat(alpine.withdrawn()).isTrue();
        assertThat(alpine.aliases()).containsExactly("CVE-2022-48174", "BIT-busybox-2022-48174");
        assertThat(alpine.summary()).isEmpty();
        assertThat(alpine.packages()).extracting(AffectedPackage::purl).containsExactly("pkg:apk/alpine/busybox");
    }

    @Test
    void theOsvZipDumpReadsLikeTheFolder() throws Exception {
        FeedBatch fromZip = FeedReaders.read(FeedKind.OSV, "all.zip", Fixtures.osvDump());
        FeedBatch fromFolder = FeedReaders.read(FeedKind.OSV, Fixtures.path("osv"));

        assertThat(byId(fromZip)).isEqualTo(byId(fromFolder));
        assertThat(fromZip.warnings()).singleElement().asString().startsWith("all.zip!DEBIAN-CVE-2023-5678.json /affected/1/package");
    }

    @Test
    void readsAnNvdPageWithCvssVectorsCpeBoundsAndRejectedRecords() throws Exception {
        FeedBatch batch = FeedReaders.read(FeedKind.NVD, Fixtures.path("nvd/cves-page-1.json"));

        Map<String, Advisory> all = byId(batch);
        Advisory busybox = all.get("CVE-2022-48174");
        assertThat(busybox.source()).isEqualTo(AdvisorySource.NVD);
        assertThat(busybox.summary()).startsWith("A stack overflow in BusyBox");
        // NVD's form without zone is UTC
        assertThat(busybox.published()).isEqualTo(Instant.parse("2023-08-22T19:16:31.583Z"));
        assertThat(busybox.modified()).isEqualTo(Instant.parse("2024-03-04T12:13:14.150Z"));
        assertThat(busybox.withdrawn()).isFalse();
        assertThat(busybox.severities()).containsExactly(
                new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                new Severity("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P"));
        // the hardware in the AND configuration is not vulnerable itself, so it is no statement
        assertThat(busybox.cpes()).containsExactly(
                new AffectedCpe("cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*", null, null, null, "1.36.0"),
                new AffectedCpe("cpe:2.3:o:example:ipcam_firmware:*:*:*:*:*:*:*:*", "2.0", null, "2.4.1", null));
        assertThat(busybox.references()).containsExactly("https://bugs.busybox.net/show_bug.cgi?id=15216");

        Advisory rejected = all.get("CVE-2023-99999");
        assertThat(rejected.withdrawn()).isTrue();
        assertThat(rejected.cpes()).isEmpty();
        assertThat(batch.warnings()).isEmpty();
    }

    @Test
    void readsTheKevCatalog() throws Exception {
        FeedBatch batch = FeedReaders.read(FeedKind.KEV, Fixtures.path("kev/known_exploited_vulnerabilities.json"));

        assertThat(batch.advisories()).isEmpty();
        assertThat(batch.kev()).containsExactly(
                new KevEntry("CVE-2021-44228", "Apache", "Log4j2", LocalDate.of(2021, 12, 10), LocalDate.of(2021, 12, 24), true),
                new KevEntry("CVE-2022-48174", "BusyBox", "BusyBox", LocalDate.of(2024, 5, 20), LocalDate.of(2024, 6, 10), false));
    }

    @Test
    void readsTheJvnOverviewListKeepingOnlyCpesThatCarryAVersion() throws Exception {
        FeedBatch batch = FeedReaders.read(FeedKind.JVN, Fixtures.path("jvn/getVulnOverviewList.rdf"));

        Map<String, Advisory> all = byId(batch);
        Advisory camera = all.get("JVNDB-2024-900001");
        assertThat(camera.source()).isEqualTo(AdvisorySource.JVN);
        assertThat(camera.aliases()).containsExactly("CVE-2024-90001", "JVNVU#90000001");
        assertThat(camera.summary()).startsWith("Example network camera firmware");
        assertThat(camera.published()).isEqualTo(Instant.parse("2024-05-20T05:00:00Z"));
        assertThat(camera.modified()).isEqualTo(Instant.parse("2024-05-28T01:30:00Z"));
        assertThat(camera.severities()).containsExactly(
                new Severity("CVSS_V3", "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(camera.cpes()).containsExactly(
                new AffectedCpe("cpe:2.3:o:example:ipcam_x2_firmware:3.1.0:*:*:*:*:*:*:*", null, null, null, null));
        assertThat(camera.references()).contains("https://jvndb.jvn.jp/en/contents/2024/JVNDB-2024-900001.html",
                "https://cwe.mitre.org/data/definitions/78.html");
        assertThat(batch.warnings()).singleElement().asString()
                .contains("getVulnOverviewList.rdf /rdf:RDF/item[1]/sec:cpe", "JVNDB-2024-900001",
                        "cpe:2.3:o:example:ipcam_x1_firmware:*", "names no version");

        assertThat(all.get("JVNDB-2024-900002").severities()).extracting(Severity::type).containsExactly("CVSS_V3", "CVSS_V2");
    }

    @Test
    void readsJvnDetailsTurningOnlyKnownVersionFormsIntoBounds() throws Exception {
        FeedBatch batch = FeedReaders.read(FeedKind.JVN, Fixtures.path("jvn/getVulnDetailInfo.xml"));

        Advisory a = batch.advisories().getFirst();
        assertThat(a.id()).isEqualTo("JVNDB-2024-900001");
        assertThat(a.aliases()).containsExactly("CVE-2024-90001", "JVNVU#90000001");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-05-20T05:00:00Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2024-05-28T01:30:00Z"));
        assertThat(a.severities()).containsExactly(new Severity("CVSS_V3", "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(a.cpes()).containsExactly(
                new AffectedCpe("cpe:2.3:o:example:ipcam_x1_firmware:*:*:*:*:*:*:*:*", null, null, "2.4.1", null),
                new AffectedCpe("cpe:2.3:o:example:ipcam_x1_firmware:1.9:*:*:*:*:*:*:*", null, null, null, null),
                new AffectedCpe("cpe:2.3:o:example:ipcam_x2_firmware:*:*:*:*:*:*:*:*", "3.0.0", null, "3.1.2", null),
                new AffectedCpe("cpe:2.3:o:example:ipcam_x2_firmware:*:*:*:*:*:*:*:*", null, null, null, "4.0"));
        assertThat(a.references()).containsExactly("https://www.cve.org/CVERecord?id=CVE-2024-90001",
                "https://jvn.jp/vu/JVNVU90000001/");
        assertThat(batch.warnings()).hasSize(2);
        assertThat(batch.warnings().get(0)).contains("/VULDEF-Document/Vulinfo[1]/VulinfoData/Affected/AffectedItem[1]/Cpe",
                "ファームウェア 1.x 系（日本国内モデル）", "not matched");
        assertThat(batch.warnings().get(1)).contains("AffectedItem[3]", "IPCam Viewer", "no CPE");
    }

    @Test
    void theSameIdentifierTwiceKeepsTheLaterModified() throws Exception {
        String older = new String(Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("2024-03-01T10:20:30Z", "2023-01-01T00:00:00Z").replace("Remote code", "Older: remote code");
        byte[] zip = Fixtures.zip(Map.of("a/GHSA-jfh8-c2jp-5v3q.json", Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json"),
                "b/GHSA-jfh8-c2jp-5v3q.json", older.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        FeedBatch batch = FeedReaders.read(FeedKind.OSV, "dump.zip", zip);

        assertThat(batch.advisories()).singleElement().satisfies(a -> {
            assertThat(a.modified()).isEqualTo(Instant.parse("2024-03-01T10:20:30Z"));
            assertThat(a.summary()).startsWith("Remote code");
        });
    }
}
