package io.iotseal.sbom;

import io.iotseal.document.SchemaProblems;
import io.iotseal.sbom.SbomException.Reason;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * SBOM parsing and validation (ADR 0091). The fixtures describe one camera firmware with OpenSSL and
 * BusyBox in the exact shape of each format; each is first shown valid by the format's own validator
 * (the CycloneDX library, the SPDX schema), so the refusals below cannot pass for a trivial reason.
 */
class SbomParserTest {

    private static final SbomParser PARSER = new SbomParser();

    static byte[] fixture(String name) {
        try (InputStream in = SbomParserTest.class.getResourceAsStream("/sbom/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    private static SbomException refused(String content, SbomFormat format) {
        return catchThrowableOfType(SbomException.class,
                () -> PARSER.parse(content.getBytes(StandardCharsets.UTF_8), format));
    }

    // --- positive controls: the fixtures are valid for the CycloneDX project's own validator --------

    @Test
    void theCycloneDxFixturesAreValidForTheCycloneDxLibrary() throws IOException {
        assertThat(new JsonParser().validate(fixture("camera-fw-cyclonedx-1.6.json"), Version.VERSION_16)).isEmpty();
        assertThat(new JsonParser().validate(fixture("camera-fw-cyclonedx-1.4.json"), Version.VERSION_14)).isEmpty();
        assertThat(new XmlParser().validate(fixture("camera-fw-cyclonedx-1.5.xml"), Version.VERSION_15)).isEmpty();
    }

    @Test
    void cycloneDx16JsonGivesComponentsWithCanonicalPurlsCpesAndSuppliers() {
        SbomDocument d = PARSER.parse(fixture("camera-fw-cyclonedx-1.6.json"), SbomFormat.CYCLONEDX_JSON);
        assertThat(d.format()).isEqualTo(SbomFormat.CYCLONEDX_JSON);
        assertThat(d.specVersion()).isEqualTo("1.6");
        assertThat(d.components()).extracting(SbomComponent::name)
                .containsExactly("openssl", "busybox", "udhcpc", "zlib");
        SbomComponent openssl = d.components().get(0);
        assertThat(openssl).isEqualTo(new SbomComponent("openssl", "openssl", "1.1.1k", "pkg:generic/openssl@1.1.1k",
                "cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*", "OpenSSL Software Foundation"));
        // The qualifier's value is percent-encoded in the canonical form (purl spec).
        assertThat(d.components().get(3).purl())
                .isEqualTo("pkg:generic/zlib@1.2.11?download_url=https%3A%2F%2Fzlib.net%2Ffossils%2Fzlib-1.2.11.tar.gz");
        // The nested udhcpc has neither purl nor CPE: one warning, located by its JSON pointer.
        assertThat(d.warnings()).containsExactly(new SbomWarning("/components/1/components/0",
                "'udhcpc@1.33.1' has no package URL and no CPE, so no advisory can be matched to it"));
    }

    @Test
    void cycloneDx15XmlGivesTheSameComponents() {
        SbomDocument d = PARSER.parse(fixture("camera-fw-cyclonedx-1.5.xml"), SbomFormat.CYCLONEDX_XML);
        assertThat(d.specVersion()).isEqualTo("1.5");
        assertThat(d.components()).containsExactly(
                new SbomComponent("openssl", "openssl", "1.1.1k", "pkg:generic/openssl@1.1.1k",
                        "cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*", "OpenSSL Software Foundation"),
                new SbomComponent("busybox", "busybox", "1.33.1", "pkg:generic/busybox@1.33.1",
                        "cpe:2.3:a:busybox:busybox:1.33.1:*:*:*:*:*:*:*", null));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void cycloneDx14JsonWithACpe22Uri() {
        SbomDocument d = PARSER.parse(fixture("camera-fw-cyclonedx-1.4.json"), null);
        assertThat(d.format()).isEqualTo(SbomFormat.CYCLONEDX_JSON);
        assertThat(d.specVersion()).isEqualTo("1.4");
        assertThat(d.components().get(1).cpe()).isEqualTo("cpe:/a:busybox:busybox:1.33.1");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void spdx23JsonGivesPackagesWithPurlCpeAndSupplier() {
        SbomDocument d = PARSER.parse(fixture("camera-fw-spdx-2.3.json"), SbomFormat.SPDX_JSON);
        assertThat(d.specVersion()).isEqualTo("2.3");
        assertThat(d.components()).containsExactly(
                new SbomComponent("SPDXRef-Package-openssl", "openssl", "1.1.1k", "pkg:generic/openssl@1.1.1k",
                        "cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*", "OpenSSL Software Foundation"),
                new SbomComponent("SPDXRef-Package-busybox", "busybox", "1.33.1", "pkg:generic/busybox@1.33.1",
                        null, null));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void formatsAreDetectedFromContent() {
        assertThat(SbomFormat.detect(fixture("camera-fw-cyclonedx-1.6.json"))).contains(SbomFormat.CYCLONEDX_JSON);
        assertThat(SbomFormat.detect(fixture("camera-fw-cyclonedx-1.5.xml"))).contains(SbomFormat.CYCLONEDX_XML);
        assertThat(SbomFormat.detect(fixture("camera-fw-spdx-2.3.json"))).contains(SbomFormat.SPDX_JSON);
        assertThat(SbomFormat.detect("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(SbomFormat.ofMediaType("application/vnd.cyclonedx+json; version=1.6")).contains(SbomFormat.CYCLONEDX_JSON);
        assertThat(SbomFormat.ofMediaType("application/json")).isEmpty();
    }

    // --- warnings ---------------------------------------------------------------------------------

    @Test
    void anInvalidPurlAndAMalformedCpeAreWarningsAndTheBadPurlIsDropped() {
        String doc = text("camera-fw-cyclonedx-1.6.json")
                .replace("\"purl\": \"pkg:generic/openssl@1.1.1k\"", "\"purl\": \"openssl-1.1.1k\"")
                .replace("cpe:2.3:a:busybox:busybox:1.33.1:*:*:*:*:*:*:*", "busybox 1.33.1");
        SbomDocument d = PARSER.parse(doc.getBytes(StandardCharsets.UTF_8), SbomFormat.CYCLONEDX_JSON);
        assertThat(d.components().get(0).purl()).isNull();
        assertThat(d.components().get(0).cpe()).isEqualTo("cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*");
        assertThat(d.warnings()).extracting(SbomWarning::location)
                .containsExactly("/components/0/purl", "/components/1", "/components/1/components/0");
        assertThat(d.warnings().get(0).message()).contains("'openssl-1.1.1k' is not a valid package URL");
        assertThat(d.warnings().get(1).message()).contains("'busybox 1.33.1' is neither a CPE 2.3");
    }

    // --- refusals -------------------------------------------------------------------------------------

    @Test
    void truncatedJsonNamesThePointerAndLine() {
        String full = text("camera-fw-cyclonedx-1.6.json");
        String cut = full.substring(0, full.indexOf("\"purl\": \"pkg:generic/busybox"));
        SbomException e = refused(cut, SbomFormat.CYCLONEDX_JSON);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).location()).isEqualTo("/components/1/version");
        assertThat(e.problems().get(0).message()).startsWith("not well-formed JSON at line 32, column 7: Unexpected end-of-input");
    }

    @Test
    void aSchemaViolationNamesTheJsonPointer() {
        String doc = text("camera-fw-cyclonedx-1.6.json").replace("\"type\": \"application\"", "\"type\": \"toaster\"");
        SbomException e = refused(doc, SbomFormat.CYCLONEDX_JSON);
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.problems()).extracting(SbomException.Problem::location).contains("/components/1/type");
    }

    @Test
    void aComponentWithoutNameIsRefusedByPointer() {
        String doc = text("camera-fw-cyclonedx-1.6.json").replace("\"name\": \"zlib\",", "");
        SbomException e = refused(doc, SbomFormat.CYCLONEDX_JSON);
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo("/components/2");
            assertThat(p.message()).contains("name");
        });
    }

    @Test
    void unsupportedCycloneDxVersionsAreNamed() {
        for (String v : new String[]{"1.3", "1.7", "2.0"}) {
            String doc = text("camera-fw-cyclonedx-1.4.json").replace("\"specVersion\": \"1.4\"", "\"specVersion\": \"" + v + "\"");
            SbomException e = refused(doc, SbomFormat.CYCLONEDX_JSON);
            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
            assertThat(e.problems().get(0).location()).isEqualTo("/specVersion");
            assertThat(e.problems().get(0).message()).contains("CycloneDX version " + v + " is not supported");
        }
        String xml = text("camera-fw-cyclonedx-1.5.xml").replace("schema/bom/1.5", "schema/bom/1.3");
        SbomException e = refused(xml, SbomFormat.CYCLONEDX_XML);
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(e.problems().get(0).message()).contains("CycloneDX version 1.3 is not supported");
    }

    @Test
    void malformedXmlNamesTheLine() {
        String xml = text("camera-fw-cyclonedx-1.5.xml").replace("</version>\n      <cpe>cpe:2.3:a:busybox", "\n      <cpe>cpe:2.3:a:busybox");
        SbomException e = refused(xml, SbomFormat.CYCLONEDX_XML);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems().get(0).location()).startsWith("line 2");
    }

    @Test
    void truncatedXmlIsMalformed() {
        String xml = text("camera-fw-cyclonedx-1.5.xml");
        SbomException e = refused(xml.substring(0, xml.length() / 2), SbomFormat.CYCLONEDX_XML);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems().get(0).location()).startsWith("line ");
    }

    @Test
    void anXmlSchemaViolationNamesTheLine() {
        String xml = text("camera-fw-cyclonedx-1.5.xml").replace("<component type=\"application\"", "<component type=\"toaster\"");
        SbomException e = refused(xml, SbomFormat.CYCLONEDX_XML);
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.problems().get(0).location()).isEqualTo("line 20, column 49");
        assertThat(e.problems().get(0).message()).contains("toaster");
    }

    @Test
    void anXmlDoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        String xml = text("camera-fw-cyclonedx-1.5.xml").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        SbomException e = refused(xml, SbomFormat.CYCLONEDX_XML);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.problems().get(0).message()).contains("DOCTYPE");
    }

    @Test
    void spdxOtherVersionsAreNamedAndSchemaViolationsHavePointers() {
        SbomException old = refused(text("camera-fw-spdx-2.3.json").replace("SPDX-2.3", "SPDX-2.2"), SbomFormat.SPDX_JSON);
        assertThat(old.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(old.problems().get(0).message()).contains("SPDX version SPDX-2.2 is not supported");

        String noName = text("camera-fw-spdx-2.3.json").replace("\"name\": \"busybox\",", "");
        SbomException e = refused(noName, SbomFormat.SPDX_JSON);
        assertThat(e.reason()).isEqualTo(Reason.INVALID);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo("/packages/1");
            assertThat(p.message()).contains("name");
        });
    }

    @Test
    void wrongFormatEmptyAndUnknownContentAreMalformed() {
        assertThat(refused(text("camera-fw-spdx-2.3.json"), SbomFormat.CYCLONEDX_JSON).problems().get(0).location())
                .isEqualTo("/bomFormat");
        assertThat(refused("<html/>", SbomFormat.CYCLONEDX_XML).reason()).isEqualTo(Reason.MALFORMED);
        assertThatThrownBy(() -> PARSER.parse(new byte[0], null)).isInstanceOf(SbomException.class);
        assertThat(refused("{\"a\": 1}", null).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refused("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"} trailing", null).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(refused("{\"bomFormat\": \"CycloneDX\", \"bomFormat\": \"CycloneDX\"}", null).reason())
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void manySchemaProblemsAreCapped() {
        StringBuilder comps = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            comps.append(i == 0 ? "" : ",").append("{\"type\": \"toaster\", \"name\": \"c").append(i).append("\"}");
        }
        String doc = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [" + comps + "]}";
        SbomException e = refused(doc, SbomFormat.CYCLONEDX_JSON);
        assertThat(e.problems()).hasSize(SchemaProblems.MAX + 1);
        assertThat(e.problems().get(SchemaProblems.MAX).message()).endsWith("more problems not shown");
    }

    @Test
    void pointersFromJsonPaths() {
        assertThat(SchemaProblems.pointer("$.components[0].name")).isEqualTo("/components/0/name");
        assertThat(SchemaProblems.pointer("$")).isEqualTo("/");
        assertThat(SchemaProblems.pointer("$.metadata['bom-ref']")).isEqualTo("/metadata/bom-ref");
        assertThat(SbomParser.spdxSupplier("Organization: Acme Ltd (a@b.c)")).isEqualTo("Acme Ltd");
        assertThat(SbomParser.spdxSupplier("NOASSERTION")).isNull();
        assertThat(Arrays.asList(SbomFormat.values())).hasSize(3);
    }
}
