package io.iotseal.advisory.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a reader refuses, and that a refusal names the file and where it broke (ADR 0092). Each refused
 * input is a fixture that reads fine whole, so a refusal cannot pass for another reason.
 */
class FeedRefusalTest {

    private static FeedException refused(FeedKind kind, String name, byte[] content) {
        return catchThrowableOfType(FeedException.class, () -> FeedReaders.read(kind, name, content));
    }

    private static String text(String fixture) {
        return new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
            "OSV, osv/DEBIAN-CVE-2023-5678.json, 0.5, /affected/0",
            "NVD, nvd/cves-page-1.json, 0.5, /vulnerabilities/0/cve/metrics",
            "KEV, kev/known_exploited_vulnerabilities.json, 0.6, /vulnerabilities/1",
            "JVN, jvn/getVulnOverviewList.rdf, 0.6, line ",
            "JVN, jvn/getVulnDetailInfo.xml, 0.5, line "})
    void aFileCutMidwayImportsNothingAndSaysWhereItBroke(FeedKind kind, String fixture, double keep, String where) {
        byte[] whole = Fixtures.bytes(fixture);
        assertThatCode(() -> FeedReaders.read(kind, fixture, whole)).doesNotThrowAnyException();
        byte[] cut = Arrays.copyOf(whole, (int) (whole.length * keep));

        FeedException e = refused(kind, fixture, cut);

        assertThat(e).isNotNull();
        assertThat(e.location()).startsWith(fixture + " ").contains(where);
        assertThat(e.getMessage()).contains("cut short").doesNotContain("REDACTED");
    }

    @Test
    void aBrokenFileInAFolderFailsTheWholeFolder(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("GHSA-jfh8-c2jp-5v3q.json"), Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json"));
        byte[] debian = Fixtures.bytes("osv/DEBIAN-CVE-2023-5678.json");
        Files.createDirectory(dir.resolve("debian"));
        Files.write(dir.resolve("debian/DEBIAN-CVE-2023-5678.json"), Arrays.copyOf(debian, debian.length - 40));

        FeedException e = catchThrowableOfType(FeedException.class, () -> FeedReaders.read(FeedKind.OSV, dir));

        assertThat(e.location()).startsWith("debian/DEBIAN-CVE-2023-5678.json /");
    }

    @Test
    void aFolderSkipsHiddenFilesQuietlyAndOtherFilesWithAWarning(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("GHSA-jfh8-c2jp-5v3q.json"), Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json"));
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/objects/pack.json"), "not a feed");
        Files.writeString(dir.resolve(".DS_Store"), "x");
        Files.writeString(dir.resolve("README.md"), "# mirror of OSV Maven");

        FeedBatch batch = FeedReaders.read(FeedKind.OSV, dir);

        assertThat(batch.advisories()).hasSize(1);
        assertThat(batch.warnings()).containsExactly("README.md: skipped: not a .json, .xml, .rdf, .zip or .gz file");
    }

    @Test
    void aRecordWithoutItsIdOrModifiedDateIsRefusedByPointer() {
        String osv = text("osv/GHSA-jfh8-c2jp-5v3q.json").replace("\"modified\": \"2024-03-01T10:20:30Z\",", "");
        assertThat(refused(FeedKind.OSV, "x.json", osv.getBytes(StandardCharsets.UTF_8)).location()).isEqualTo("x.json /modified");

        String nvd = text("nvd/cves-page-1.json").replace("\"id\": \"CVE-2023-99999\",", "");
        assertThat(refused(FeedKind.NVD, "n.json", nvd.getBytes(StandardCharsets.UTF_8)).location())
                .isEqualTo("n.json /vulnerabilities/1/cve/id");

        String nvdDate = text("nvd/cves-page-1.json").replace("\"lastModified\": \"2023-05-08T10:00:00.000\",", "");
        assertThat(refused(FeedKind.NVD, "n.json", nvdDate.getBytes(StandardCharsets.UTF_8)).location())
                .isEqualTo("n.json /vulnerabilities/1/cve/lastModified");

        String kev = text("kev/known_exploited_vulnerabilities.json").replace("\"dateAdded\": \"2024-05-20\",", "");
        assertThat(refused(FeedKind.KEV, "k.json", kev.getBytes(StandardCharsets.UTF_8)).location())
                .isEqualTo("k.json /vulnerabilities/1/dateAdded");

        String rss = text("jvn/getVulnOverviewList.rdf").replace("<sec:identifier>JVNDB-2024-900002</sec:identifier>", "");
        assertThat(refused(FeedKind.JVN, "o.rdf", rss.getBytes(StandardCharsets.UTF_8)).location())
                .isEqualTo("o.rdf /rdf:RDF/item[2]/sec:identifier");

        String detail = text("jvn/getVulnDetailInfo.xml").replaceAll("<DateLastUpdated>.*</DateLastUpdated>", "");
        assertThat(refused(FeedKind.JVN, "d.xml", detail.getBytes(StandardCharsets.UTF_8)).location())
                .isEqualTo("d.xml /VULDEF-Document/Vulinfo[1]/VulinfoData/DateLastUpdated");
    }

    @Test
    void nvdPagesReadRecordByRecordStillRefuseDuplicateKeysAndTrailingContent() throws Exception {
        String page = text("nvd/cves-page-1.json");
        String duplicate = page.replace("\"vulnStatus\": \"Rejected\",", "\"vulnStatus\": \"Rejected\", \"vulnStatus\": \"Analyzed\",");
        FeedException dup = refused(FeedKind.NVD, "n.json", duplicate.getBytes(StandardCharsets.UTF_8));
        assertThat(dup.location()).startsWith("n.json /vulnerabilities/1/cve/vulnStatus (line ");
        assertThat(dup.getMessage()).contains("Duplicate field 'vulnStatus'");

        FeedException trailing = refused(FeedKind.NVD, "n.json", (page + "{}").getBytes(StandardCharsets.UTF_8));
        assertThat(trailing.getMessage()).contains("trailing content");

        // the array may come before the header fields; an empty page is a valid page
        String empty = "{\"vulnerabilities\": [], \"format\": \"NVD_CVE\", \"version\": \"2.0\", \"totalResults\": 0}";
        assertThat(FeedReaders.read(FeedKind.NVD, "e.json", empty.getBytes(StandardCharsets.UTF_8)).advisories()).isEmpty();
        String noCve = "{\"format\": \"NVD_CVE\", \"vulnerabilities\": [{\"cve\": {}}, {\"item\": 1}]}";
        assertThat(refused(FeedKind.NVD, "c.json", noCve.getBytes(StandardCharsets.UTF_8)).location())
                .isEqualTo("c.json /vulnerabilities/0/cve/id");
    }

    @Test
    void anUnreadableTimestampIsRefusedByPointer() {
        String osv = text("osv/GHSA-jfh8-c2jp-5v3q.json").replace("2024-03-01T10:20:30Z", "yesterday");

        FeedException e = refused(FeedKind.OSV, "x.json", osv.getBytes(StandardCharsets.UTF_8));

        assertThat(e.location()).isEqualTo("x.json /modified");
        assertThat(e.getMessage()).contains("'yesterday'", "RFC 3339");
    }

    @Test
    void aFileOfAnotherKindSaysWhatWasExpected() {
        FeedException nvdAsKev = refused(FeedKind.KEV, "nvd.json", Fixtures.bytes("nvd/cves-page-1.json"));
        assertThat(nvdAsKev.getMessage()).contains("expected the CISA KEV catalog", "looks like an NVD CVE API 2.0 document");

        FeedException kevAsNvd = refused(FeedKind.NVD, "kev.json", Fixtures.bytes("kev/known_exploited_vulnerabilities.json"));
        assertThat(kevAsNvd.getMessage()).contains("expected an NVD CVE API 2.0 document", "looks like the CISA KEV catalog");

        FeedException osvAsNvd = refused(FeedKind.NVD, "osv.json", Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json"));
        assertThat(osvAsNvd.getMessage()).contains("looks like an OSV record");

        FeedException jvnAsOsv = refused(FeedKind.OSV, "jvn.xml", Fixtures.bytes("jvn/getVulnDetailInfo.xml"));
        assertThat(jvnAsOsv.getMessage()).contains("expected an OSV record", "this is XML");

        FeedException osvAsJvn = refused(FeedKind.JVN, "osv.json", Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json"));
        assertThat(osvAsJvn.getMessage()).contains("expected JVN iPedia XML");

        FeedException html = refused(FeedKind.JVN, "page.xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.getMessage()).contains("expected JVN iPedia XML", "found <html>");
    }

    @Test
    void xmlWithADoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">&x;</rdf:RDF>";

        FeedException e = refused(FeedKind.JVN, "evil.rdf", xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(e.location()).startsWith("evil.rdf line 1:");
        assertThat(e.getMessage()).contains("DOCTYPE");
    }

    @Test
    void aMyJvnErrorAnswerIsNotData() {
        String error = text("jvn/getVulnOverviewList.rdf").replace("retCd=\"0\"", "retCd=\"1\"")
                .replace("errCd=\"\"", "errCd=\"E00401\"").replace("errMsg=\"\"", "errMsg=\"bad parameter\"");

        assertThat(refused(FeedKind.JVN, "o.rdf", error.getBytes(StandardCharsets.UTF_8)).getMessage())
                .contains("MyJVN error answer", "E00401", "bad parameter");
    }

    @Test
    void aZipCutShortIsRefusedEvenWhenItStopsBetweenEntries() {
        byte[] dump = Fixtures.osvDump();
        assertThat(refused(FeedKind.OSV, "all.zip", Arrays.copyOf(dump, dump.length / 2)).getMessage()).contains("cut short");

        // cut right where the central directory starts: every entry is whole, only the end is missing
        int centralDirectory = indexOf(dump, new byte[]{'P', 'K', 1, 2});
        FeedException e = refused(FeedKind.OSV, "all.zip", Arrays.copyOf(dump, centralDirectory));
        assertThat(e.location()).isEqualTo("all.zip");
        assertThat(e.getMessage()).contains("end of central directory record is missing");
    }

    @Test
    void zipEntriesNamedToEscapeAFolderAreRefused() {
        for (String name : new String[]{"../evil.json", "osv/../../evil.json", "/etc/evil.json", "C:/evil.json", "..\\evil.json"}) {
            byte[] zip = Fixtures.zip(Map.of(name, Fixtures.bytes("osv/GHSA-jfh8-c2jp-5v3q.json")));

            FeedException e = refused(FeedKind.OSV, "all.zip", zip);

            assertThat(e.location()).isEqualTo("all.zip!" + name);
            assertThat(e.getMessage()).contains("zip slip");
        }
    }

    @Test
    void zipBombsAreRefusedByInflatedSizeAndEntryCount() {
        byte[] padded = ("{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\"" + " ".repeat(3 << 20) + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bomb = Fixtures.zip(Map.of("X-1.json", padded));
        assertThat(bomb.length).isLessThan(20_000); // 3 MiB of spaces deflate to a few KiB

        FeedException big = catchThrowableOfType(FeedException.class, () -> FeedReaders.read(FeedKind.OSV, "all.zip", bomb,
                new FeedFiles.Limits(100, 1 << 20, 10 << 20)));
        assertThat(big.location()).isEqualTo("all.zip!X-1.json");
        assertThat(big.getMessage()).contains("larger than 1048576 bytes");

        FeedException total = catchThrowableOfType(FeedException.class, () -> FeedReaders.read(FeedKind.OSV, "all.zip",
                Fixtures.osvDump(), new FeedFiles.Limits(100, 1 << 20, 3_000)));
        assertThat(total.getMessage()).contains("more than 3000 bytes", "zip bomb");

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("X-" + i + ".json", ("{\"id\": \"X-" + i + "\", \"modified\": \"2024-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        }
        FeedException count = catchThrowableOfType(FeedException.class, () -> FeedReaders.read(FeedKind.OSV, "all.zip",
                Fixtures.zip(many), new FeedFiles.Limits(4, 1 << 20, 1 << 20)));
        assertThat(count.location()).isEqualTo("all.zip!X-4.json");
        assertThat(count.getMessage()).contains("more than 4 entries");

        assertThatCode(() -> FeedReaders.read(FeedKind.OSV, "all.zip", Fixtures.zip(many), new FeedFiles.Limits(5, 1 << 20, 1 << 20)))
                .doesNotThrowAnyException();
    }

    @Test
    void aGzippedFeedIsReadAndACutOneRefused() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Fixtures.bytes("nvd/cves-page-1.json"));
        }
        byte[] gzipped = out.toByteArray();

        assertThat(FeedReaders.read(FeedKind.NVD, "nvdcve-2.0-modified.json.gz", gzipped).advisories()).hasSize(2);
        assertThat(refused(FeedKind.NVD, "nvdcve-2.0-modified.json.gz", Arrays.copyOf(gzipped, gzipped.length - 30))
                .getMessage()).contains("cut short");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
