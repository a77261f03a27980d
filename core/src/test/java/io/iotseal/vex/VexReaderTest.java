package io.iotseal.vex;

import io.iotseal.vex.VexException.Problem;
import io.iotseal.vex.VexException.Reason;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reading VEX documents (ADR 0094). The fixtures are one camera firmware's triage of OpenSSL, BusyBox
 * and zlib vulnerabilities, written by us in the exact shape of each format; the CycloneDX ones are first
 * shown valid by the CycloneDX library, so the refusals below cannot pass for a trivial reason.
 */
class VexReaderTest {

    private static final String OPENSSL_K = "pkg:generic/openssl@1.1.1k";
    private static final String OPENSSL_L = "pkg:generic/openssl@1.1.1l";
    private static final String BUSYBOX = "pkg:generic/busybox@1.33.1";
    private static final String ZLIB_DOWNLOAD =
            "pkg:generic/zlib@1.2.11?download_url=https%3A%2F%2Fzlib.net%2Ffossils%2Fzlib-1.2.11.tar.gz";

    static byte[] fixture(String name) {
        try (InputStream in = VexReaderTest.class.getResourceAsStream("/vex/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    private static VexException refused(String content) {
        return refused(content.getBytes(StandardCharsets.UTF_8));
    }

    private static VexException refused(byte[] content) {
        VexException e = catchThrowableOfType(VexException.class, () -> VexReader.read(content, "upload.json"));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    @Test
    void theCycloneDxFixturesAreValidForTheCycloneDxLibrary() throws IOException {
        assertThat(new JsonParser().validate(fixture("camera-fw-cyclonedx-vex-1.6.json"), Version.VERSION_16)).isEmpty();
        assertThat(new XmlParser().validate(fixture("camera-fw-cyclonedx-vex-1.5.xml"), Version.VERSION_15)).isEmpty();
    }

    // --- CycloneDX ----------------------------------------------------------------------------------

    @Test
    void cycloneDxJsonStatesMapToStatusesAndRefsResolveToPurls() {
        VexDocument d = VexReader.read(fixture("camera-fw-cyclonedx-vex-1.6.json"), "sc200.cdx.json");
        assertThat(d.format()).isEqualTo(VexFormat.CYCLONEDX_JSON);
        assertThat(d.statements()).containsExactly(
                new VexStatement("CVE-2021-3711", OPENSSL_K, "openssl", VexStatus.AFFECTED, null, null,
                        "Install firmware 2.4.2, which ships OpenSSL 1.1.1l.", "1.1.1l",
                        Instant.parse("2026-11-25T07:30:00Z")),
                new VexStatement("CVE-2022-28391", BUSYBOX, "busybox", VexStatus.NOT_AFFECTED,
                        VexJustification.CODE_NOT_PRESENT,
                        "The netstat applet is not built into this firmware's BusyBox.", null, null,
                        Instant.parse("2026-11-25T08:00:00Z")),
                new VexStatement("CVE-2022-48174", BUSYBOX, "busybox", VexStatus.UNDER_INVESTIGATION, null, null, null,
                        null, Instant.parse("2026-11-25T08:00:00Z")),
                new VexStatement("CVE-2022-37434", ZLIB_DOWNLOAD, null, VexStatus.NOT_AFFECTED, null,
                        "The firmware's zlib is not the version the scanner reported.", null, null,
                        Instant.parse("2026-11-25T08:00:00Z")),
                new VexStatement("CVE-2018-25032", ZLIB_DOWNLOAD, null, VexStatus.FIXED, null,
                        "Patched in our zlib build.", null, null, Instant.parse("2026-11-25T08:00:00Z")));
        assertThat(d.warnings()).containsExactly(
                "/vulnerabilities/3/analysis/state: 'CVE-2022-37434' is marked false_positive (the finding itself is"
                        + " wrong); kept as not_affected",
                "/vulnerabilities/5: 'CVE-2022-0778' has no analysis.state, so it states no triage; skipped");
    }

    @Test
    void cycloneDx14JsonReadsTheSame() throws IOException {
        // 1.4 has no analysis.firstIssued/lastUpdated: the statement takes the document's timestamp.
        String v14 = text("camera-fw-cyclonedx-vex-1.6.json")
                .replace("\"specVersion\": \"1.6\"", "\"specVersion\": \"1.4\"")
                .replace("bom-1.6.schema.json", "bom-1.4.schema.json")
                .replace(",\n        \"firstIssued\": \"2026-11-24T10:00:00Z\",\n        \"lastUpdated\": \"2026-11-25T07:30:00Z\"", "");
        assertThat(new JsonParser().validate(v14.getBytes(StandardCharsets.UTF_8), Version.VERSION_14)).isEmpty();
        VexDocument d = VexReader.read(v14.getBytes(StandardCharsets.UTF_8), "sc200-1.4.cdx.json");
        VexDocument d16 = VexReader.read(fixture("camera-fw-cyclonedx-vex-1.6.json"), "sc200.cdx.json");
        assertThat(d.statements()).hasSize(5);
        assertThat(d.statements().get(0).timestamp()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(d.statements().subList(1, 5)).isEqualTo(d16.statements().subList(1, 5));
    }

    @Test
    void cycloneDxXmlReadsBomLinksAndPurlRefs() {
        VexDocument d = VexReader.read(fixture("camera-fw-cyclonedx-vex-1.5.xml"), "sc200.cdx.xml");
        assertThat(d.format()).isEqualTo(VexFormat.CYCLONEDX_XML);
        assertThat(d.statements()).containsExactly(
                new VexStatement("CVE-2022-28391", null, "busybox", VexStatus.NOT_AFFECTED,
                        VexJustification.PROTECTED_AT_PERIMETER,
                        "The device's shell is reachable only from the local console.", null, null,
                        Instant.parse("2026-11-25T07:45:00Z")),
                new VexStatement("CVE-2021-3711", OPENSSL_K, null, VexStatus.FIXED, null, null,
                        "Install firmware 2.4.2.", "1.1.1l", Instant.parse("2026-11-25T08:00:00Z")));
        assertThat(d.warnings()).isEmpty();
    }

    // --- OpenVEX ------------------------------------------------------------------------------------

    @Test
    void openVexStatementsBecomeOneStatementPerSubcomponentOrProduct() {
        VexDocument d = VexReader.read(fixture("camera-fw-openvex-0.2.0.json"), "sc200.openvex.json");
        assertThat(d.format()).isEqualTo(VexFormat.OPENVEX_JSON);
        assertThat(d.statements()).containsExactly(
                new VexStatement("CVE-2022-28391", BUSYBOX, null, VexStatus.NOT_AFFECTED,
                        VexJustification.VULNERABLE_CODE_NOT_PRESENT,
                        "The netstat applet is not built into this firmware's BusyBox.", null, null,
                        Instant.parse("2026-11-25T07:50:00Z")),
                new VexStatement("CVE-2021-3711", OPENSSL_K, null, VexStatus.AFFECTED, null, null,
                        "Install firmware 2.4.2.", null, Instant.parse("2026-11-25T08:00:00Z")),
                new VexStatement("CVE-2021-3711", OPENSSL_L, null, VexStatus.FIXED, null, null, null, "2.4.2",
                        Instant.parse("2026-11-25T08:00:00Z")),
                new VexStatement("CVE-2022-48174", null, "https://vex.example.com/products/sc-200#busybox",
                        VexStatus.UNDER_INVESTIGATION, null, null, null, null, Instant.parse("2026-11-25T08:00:00Z")),
                new VexStatement("CVE-2022-37434", "pkg:generic/zlib@1.2.11", null, VexStatus.NOT_AFFECTED,
                        VexJustification.INLINE_MITIGATIONS_ALREADY_EXIST, null, null, null,
                        Instant.parse("2026-11-25T08:00:00Z")));
        assertThat(d.warnings()).isEmpty();
    }

    // --- CSAF ---------------------------------------------------------------------------------------

    @Test
    void csafProductStatusesResolveThroughTheProductTree() {
        VexDocument d = VexReader.read(fixture("camera-fw-csaf-vex-2.0.json"), "excam-vex-2026-0001.json");
        assertThat(d.format()).isEqualTo(VexFormat.CSAF_VEX_JSON);
        Instant released = Instant.parse("2026-11-25T08:00:00Z");
        assertThat(d.statements()).containsExactly(
                new VexStatement("CVE-2021-3711", OPENSSL_K, "openssl-1.1.1k", VexStatus.AFFECTED, null, null,
                        "Install firmware 2.4.2.", null, released),
                new VexStatement("CVE-2021-3711", OPENSSL_L, "openssl-1.1.1l", VexStatus.FIXED, null, null, null,
                        "2.4.2", released),
                new VexStatement("CVE-2022-28391", BUSYBOX, "busybox-1.33.1", VexStatus.NOT_AFFECTED,
                        VexJustification.VULNERABLE_CODE_NOT_PRESENT,
                        "The netstat applet is not built into this firmware's BusyBox.", null, null, released),
                new VexStatement("CVE-2022-48174", BUSYBOX, "busybox-1.33.1", VexStatus.UNDER_INVESTIGATION, null,
                        null, null, null, released));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void csafFirstFixedCountsAsFixedAndRecommendedIsNoTriage() {
        String variant = text("camera-fw-csaf-vex-2.0.json").replace("\"fixed\": [ \"SC200-2.4.2:openssl\" ]",
                "\"first_fixed\": [ \"SC200-2.4.2:openssl\" ],\n        \"recommended\": [ \"SC200-2.4.2:openssl\" ]");
        VexDocument d = VexReader.read(variant.getBytes(StandardCharsets.UTF_8), "variant.json");
        VexDocument original = VexReader.read(fixture("camera-fw-csaf-vex-2.0.json"), "original.json");
        assertThat(d.statements()).isEqualTo(original.statements());
        assertThat(d.warnings()).containsExactly("/vulnerabilities/0/product_status/recommended: a recommendation is"
                + " not a triage status; ignored");
    }

    // --- refusals -----------------------------------------------------------------------------------

    @Test
    void malformedJsonNamesThePointerAndLine() {
        String broken = text("camera-fw-openvex-0.2.0.json").replace("\"status\": \"affected\",", "\"status\": affected,");
        VexException e = refused(broken);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems().get(0).location()).isEqualTo("/statements/1/status");
        assertThat(e.problems().get(0).message()).startsWith("not well-formed JSON at line 31");
    }

    @Test
    void truncatedDocumentsNameWhereTheyBroke() {
        byte[] csaf = fixture("camera-fw-csaf-vex-2.0.json");
        VexException e = refused(Arrays.copyOf(csaf, csaf.length / 2));
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems().get(0).location()).startsWith("/product_tree/");
        assertThat(e.problems().get(0).message()).contains("end-of-input");

        byte[] xml = fixture("camera-fw-cyclonedx-vex-1.5.xml");
        VexException x = refused(Arrays.copyOf(xml, xml.length / 2));
        assertThat(x.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(x.problems().get(0).location()).matches("line \\d+, column \\d+");
    }

    @Test
    void unsupportedVersionsAreNamed() {
        VexException cdx = refused(text("camera-fw-cyclonedx-vex-1.6.json").replace("\"specVersion\": \"1.6\"",
                "\"specVersion\": \"1.3\""));
        assertThat(cdx.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(cdx.problems()).containsExactly(new Problem("/specVersion",
                "CycloneDX version 1.3 is not supported for VEX; use CycloneDX 1.4, 1.5 or 1.6"));

        VexException xml = refused(text("camera-fw-cyclonedx-vex-1.5.xml").replace("schema/bom/1.5", "schema/bom/1.3"));
        assertThat(xml.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(xml.problems().get(0).location()).isEqualTo("xmlns");

        VexException openVex = refused(text("camera-fw-openvex-0.2.0.json").replace("ns/v0.2.0", "ns/v0.0.1"));
        assertThat(openVex.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(openVex.problems().get(0).location()).isEqualTo("/@context");
        assertThat(openVex.problems().get(0).message()).contains("https://openvex.dev/ns/v0.0.1");

        VexException csaf = refused(text("camera-fw-csaf-vex-2.0.json").replace("\"csaf_version\": \"2.0\"",
                "\"csaf_version\": \"2.1\""));
        assertThat(csaf.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(csaf.problems()).containsExactly(new Problem("/document/csaf_version",
                "CSAF version '2.1' is not supported; use CSAF 2.0"));
    }

    @Test
    void aCsafSecurityAdvisoryIsNotAVexDocument() {
        VexException e = refused(text("camera-fw-csaf-vex-2.0.json").replace("\"csaf_vex\"", "\"csaf_security_advisory\""));
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.problems()).containsExactly(new Problem("/document/category", "a CSAF document of category"
                + " 'csaf_security_advisory' is not a VEX document; the category must be \"csaf_vex\""));
    }

    @Test
    void unknownStatusesAreRefusedAtTheirPointer() {
        VexException cdx = refused(text("camera-fw-cyclonedx-vex-1.6.json").replace("\"in_triage\"", "\"maybe\""));
        assertThat(cdx.reason()).isEqualTo(Reason.INVALID);
        assertThat(cdx.problems()).extracting(Problem::location).contains("/vulnerabilities/2/analysis/state");

        VexException xml = refused(text("camera-fw-cyclonedx-vex-1.5.xml").replace("<state>resolved</state>",
                "<state>maybe</state>"));
        assertThat(xml.reason()).isEqualTo(Reason.INVALID);
        assertThat(xml.problems().get(0).location()).matches("line 33, column \\d+");

        VexException openVex = refused(text("camera-fw-openvex-0.2.0.json").replace("\"under_investigation\"",
                "\"investigating\""));
        assertThat(openVex.reason()).isEqualTo(Reason.INVALID);
        assertThat(openVex.problems()).extracting(Problem::location).contains("/statements/3/status");

        VexException csaf = refused(text("camera-fw-csaf-vex-2.0.json").replace("\"under_investigation\"",
                "\"investigating\""));
        assertThat(csaf.reason()).isEqualTo(Reason.INVALID);
        assertThat(csaf.problems()).extracting(Problem::location).containsExactly(
                "/vulnerabilities/2/product_status/investigating", "/vulnerabilities/2/product_status");
    }

    @Test
    void schemaViolationsNameTheirPointer() {
        // OpenVEX: affected needs an action statement (the official schema's if/then).
        VexException openVex = refused(text("camera-fw-openvex-0.2.0.json").replace(
                ",\n      \"action_statement\": \"Install firmware 2.4.2.\"", ""));
        assertThat(openVex.reason()).isEqualTo(Reason.INVALID);
        assertThat(openVex.problems()).extracting(Problem::location).contains("/statements/1");
        assertThat(openVex.problems()).extracting(Problem::message).anyMatch(m -> m.contains("action_statement"));

        // CSAF: a branch product without its product_id (the official schema's "required").
        VexException csaf = refused(text("camera-fw-csaf-vex-2.0.json").replace(
                ", \"product_id\": \"SC200-2.4.2\"", ""));
        assertThat(csaf.reason()).isEqualTo(Reason.INVALID);
        assertThat(csaf.problems()).extracting(Problem::location)
                .contains("/product_tree/branches/0/branches/0/branches/1/product");

        // CSAF: a CVSS score out of range, caught by FIRST's CVSS 3.1 schema that the CSAF schema references.
        VexException cvss = refused(text("camera-fw-csaf-vex-2.0.json").replace("\"baseScore\": 9.8", "\"baseScore\": 11"));
        assertThat(cvss.reason()).isEqualTo(Reason.INVALID);
        assertThat(cvss.problems()).extracting(Problem::location).contains("/vulnerabilities/0/scores/0/cvss_v3/baseScore");
    }

    @Test
    void csafVexProfileRulesAreCheckedWithPointers() {
        // known_affected without a remediation, and a product id the product tree does not define.
        String noRemediation = text("camera-fw-csaf-vex-2.0.json")
                .replace("\"product_ids\": [ \"SC200-2.4.1:openssl\" ] }", "\"product_ids\": [ \"SC200-2.4.2:openssl\" ] }")
                .replace("\"under_investigation\": [ \"SC200-2.4.1:busybox\" ]", "\"under_investigation\": [ \"SC200-9.9\" ]");
        VexException e = refused(noRemediation);
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.problems()).containsExactly(
                new Problem("/vulnerabilities/0/product_status/known_affected/0", "known_affected product"
                        + " 'SC200-2.4.1:openssl' needs an action statement: a remediation naming it"),
                new Problem("/vulnerabilities/2/product_status/under_investigation/0",
                        "product id 'SC200-9.9' is not defined in the product_tree"));
    }

    @Test
    void documentsOfNoVexFormatAreRefused() {
        VexException e = refused("{\"spdxVersion\": \"SPDX-2.3\"}");
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems().get(0).location()).isEqualTo("/");
        assertThat(e.problems().get(0).message()).contains("'upload.json' is neither CycloneDX VEX");
        assertThat(refused(new byte[0]).problems().get(0).message()).isEqualTo("'upload.json' is empty");
    }

    @Test
    void xmlWithADoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">&x;</bom>";
        VexException e = refused(xxe);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems().get(0).message()).contains("DOCTYPE");
    }
}
