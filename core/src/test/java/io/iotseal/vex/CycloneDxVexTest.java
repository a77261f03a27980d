package io.iotseal.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CycloneDX 1.6 VEX export (ADR 0094): the output is checked by the CycloneDX project's own validator
 * (an implementation we did not write) and read back by {@link VexReader}.
 */
class CycloneDxVexTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TRIAGED = Instant.parse("2026-11-30T15:00:00Z");
    private static final ProductRef CAMERA = new ProductRef("SC-200 camera firmware", "2.4.1", "Example Camera Co.", "fw");

    private static final List<VexStatement> STATEMENTS = List.of(
            new VexStatement("CVE-2022-28391", "pkg:generic/busybox@1.33.1", null, VexStatus.NOT_AFFECTED,
                    VexJustification.CODE_NOT_PRESENT, "The netstat applet is not built in.", null, null, TRIAGED),
            new VexStatement("CVE-2021-3711", "pkg:generic/openssl@1.1.1k", null, VexStatus.AFFECTED, null, null,
                    "Install firmware 2.4.2.", "2.4.2", TRIAGED),
            new VexStatement("JVNDB-2099-000001", null, "busybox-udhcpc", VexStatus.UNDER_INVESTIGATION, null, null,
                    null, null, TRIAGED),
            new VexStatement("GHSA-xxxx-xxxx-xxxx", "pkg:generic/zlib@1.2.11", null, VexStatus.FIXED, null, null, null,
                    "1.2.12", TRIAGED),
            new VexStatement("CVE-2022-37434", "pkg:generic/zlib@1.2.11", null, VexStatus.NOT_AFFECTED,
                    VexJustification.VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY, null, null, null, TRIAGED));

    @Test
    void theExportIsValidCycloneDx16ForTheCycloneDxLibrary() throws IOException {
        byte[] json = CycloneDxVex.write(CAMERA, STATEMENTS, NOW);
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
    }

    @Test
    void theExportCarriesTheProductSourcesAndAnalyses() throws IOException {
        JsonNode bom = new ObjectMapper().readTree(CycloneDxVex.write(CAMERA, STATEMENTS, NOW));
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.path("serialNumber").asText()).matches("urn:uuid:[0-9a-f-]{36}");
        assertThat(bom.path("version").asInt()).isEqualTo(1);
        assertThat(bom.at("/metadata/timestamp").asText()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("SC-200 camera firmware");
        assertThat(bom.at("/metadata/component/version").asText()).isEqualTo("2.4.1");
        assertThat(bom.at("/metadata/component/supplier/name").asText()).isEqualTo("Example Camera Co.");
        assertThat(bom.at("/metadata/component/bom-ref").asText()).isEqualTo("fw");

        JsonNode v = bom.path("vulnerabilities");
        assertThat(v).hasSize(5);
        assertThat(v.at("/0/source/name").asText()).isEqualTo("NVD");
        assertThat(v.at("/0/source/url").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2022-28391");
        assertThat(v.at("/0/analysis/state").asText()).isEqualTo("not_affected");
        assertThat(v.at("/0/analysis/justification").asText()).isEqualTo("code_not_present");
        assertThat(v.at("/0/analysis/detail").asText()).isEqualTo("The netstat applet is not built in.");
        assertThat(v.at("/0/affects/0/ref").asText()).isEqualTo("pkg:generic/busybox@1.33.1");

        assertThat(v.at("/1/analysis/state").asText()).isEqualTo("exploitable");
        assertThat(v.at("/1/analysis/response/0").asText()).isEqualTo("update");
        assertThat(v.at("/1/recommendation").asText()).isEqualTo("Install firmware 2.4.2.");
        assertThat(v.at("/1/affects/0/versions/0/version").asText()).isEqualTo("2.4.2");
        assertThat(v.at("/1/affects/0/versions/0/status").asText()).isEqualTo("unaffected");

        assertThat(v.at("/2/source/name").asText()).isEqualTo("JVN");
        assertThat(v.at("/2/source/url").asText()).isEqualTo("https://jvndb.jvn.jp/ja/contents/2099/JVNDB-2099-000001.html");
        assertThat(v.at("/2/analysis/state").asText()).isEqualTo("in_triage");
        assertThat(v.at("/2/affects/0/ref").asText()).isEqualTo("busybox-udhcpc");

        assertThat(v.at("/3/source/name").asText()).isEqualTo("GitHub");
        assertThat(v.at("/3/source/url").asText()).isEqualTo("https://github.com/advisories/GHSA-xxxx-xxxx-xxxx");
        assertThat(v.at("/3/analysis/state").asText()).isEqualTo("resolved");

        // An OpenVEX/CSAF label with no CycloneDX equivalent: the nearest value, and the label kept in the detail.
        assertThat(v.at("/4/analysis/justification").asText()).isEqualTo("requires_environment");
        assertThat(v.at("/4/analysis/detail").asText())
                .isEqualTo("Justification as stated (OpenVEX/CSAF): vulnerable_code_cannot_be_controlled_by_adversary");
    }

    @Test
    void theExportReadsBackAsTheSameStatements() {
        VexDocument back = VexReader.read(CycloneDxVex.write(CAMERA, STATEMENTS, NOW), "export.cdx.json");
        assertThat(back.format()).isEqualTo(VexFormat.CYCLONEDX_JSON);
        assertThat(back.warnings()).isEmpty();
        assertThat(back.statements()).containsExactly(
                STATEMENTS.get(0),
                STATEMENTS.get(1),
                // A ref that is not a purl and not a bom-ref of the export: kept as the reference.
                STATEMENTS.get(2),
                STATEMENTS.get(3),
                new VexStatement("CVE-2022-37434", "pkg:generic/zlib@1.2.11", null, VexStatus.NOT_AFFECTED,
                        VexJustification.REQUIRES_ENVIRONMENT,
                        "Justification as stated (OpenVEX/CSAF): vulnerable_code_cannot_be_controlled_by_adversary",
                        null, null, TRIAGED));
    }

    @Test
    void aStatementGivenTwiceIsWrittenOnce() throws IOException {
        byte[] json = CycloneDxVex.write(CAMERA, List.of(STATEMENTS.get(0), STATEMENTS.get(0)), NOW);
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        assertThat(VexReader.read(json, "twice.json").statements()).containsExactly(STATEMENTS.get(0));
    }

    @Test
    void anEmptyTriageIsStillAValidDocument() throws IOException {
        byte[] json = CycloneDxVex.write(new ProductRef("SC-200", null, null, null), List.of(), NOW);
        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        assertThat(VexReader.read(json, "empty.json").statements()).isEmpty();
    }
}
