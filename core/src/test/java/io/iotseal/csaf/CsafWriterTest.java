package io.iotseal.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.iotseal.csaf.CsafAdvisory.Flag;
import io.iotseal.csaf.CsafAdvisory.Justification;
import io.iotseal.csaf.CsafAdvisory.Revision;
import io.iotseal.json.JsonMappers;
import io.iotseal.vex.VexDocument;
import io.iotseal.vex.VexReader;
import io.iotseal.vex.VexStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSAF documents we write, checked by implementations we did not write: the BSI's reference validator
 * (schema, mandatory and optional tests) and the OASIS CSAF 2.0 JSON schema; the VEX profile also by the
 * project's own CSAF VEX reader. Expected values come from the CSAF 2.0 rules (ADR 0098), not from the code.
 */
class CsafWriterTest {

    static final URI DIRECTORY = URI.create("https://registry.example.org/.well-known/csaf/white/");

    @Test
    void bothProfilesPassTheReferenceValidatorAndABrokenDocumentDoesNot() throws Exception {
        CsafDocument advisory = CsafWriter.write(CsafExamples.securityAdvisory("IOTSEAL-2026-0001", 2), DIRECTORY);
        CsafDocument vex = CsafWriter.write(CsafExamples.vex("IOTSEAL-VEX-2026-0002"), DIRECTORY);
        // The negative control: the advisory with a base score that does not match its vector (mandatory test
        // 6.1.9, invalid CVSS computation). The unbroken advisory above is its positive control.
        ObjectNode broken = (ObjectNode) JsonMappers.plain().readTree(advisory.json());
        ((ObjectNode) broken.at("/vulnerabilities/0/scores/0/cvss_v3")).put("baseScore", 1.0);

        List<CsafReferenceValidator.Verdict> verdicts = CsafReferenceValidator.validateAll(List.of(advisory.bytes(),
                vex.bytes(), JsonMappers.plain().writeValueAsBytes(broken)));

        for (CsafReferenceValidator.Verdict verdict : verdicts.subList(0, 2)) {
            assertThat(verdict.errors()).as(verdict.report().toString()).isEmpty();
            assertThat(verdict.valid()).isTrue();
            assertThat(verdict.optional()).as("optional tests' findings").isEmpty();
        }
        assertThat(verdicts.get(2).valid()).isFalse();
        assertThat(verdicts.get(2).errors().toString()).contains("6_1_9");
    }

    @Test
    void theOasisSchemaAcceptsBothProfiles() throws Exception {
        JsonSchema schema = CsafSchemas.csaf();
        for (CsafAdvisory advisory : List.of(CsafExamples.securityAdvisory("IOTSEAL-2026-0004", 2),
                CsafExamples.vex("IOTSEAL-2026-0005"))) {
            JsonNode document = JsonMappers.plain().readTree(CsafWriter.write(advisory, DIRECTORY).json());
            assertThat(schema.validate(document)).isEmpty();
        }
        // Negative control: a document without its tracking id is refused by the schema.
        ObjectNode broken = (ObjectNode) JsonMappers.plain().readTree(
                CsafWriter.write(CsafExamples.vex("IOTSEAL-2026-0006"), DIRECTORY).json());
        ((ObjectNode) broken.at("/document/tracking")).remove("id");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void theSameAdvisoryGivesTheSameBytes() {
        CsafDocument first = CsafWriter.write(CsafExamples.securityAdvisory("IOTSEAL-2026-0007", 2), DIRECTORY);
        CsafDocument again = CsafWriter.write(CsafExamples.securityAdvisory("IOTSEAL-2026-0007", 2), DIRECTORY);

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(first.fileName()).isEqualTo("iotseal-2026-0007.json");
        assertThat(first.year()).isEqualTo(2026);
        assertThat(first.path()).isEqualTo("2026/iotseal-2026-0007.json");
        // Keys in alphabetical order (optional test 6.2.13): "document" before "product_tree" before "vulnerabilities".
        assertThat(first.json().indexOf("\"document\"")).isLessThan(first.json().indexOf("\"product_tree\""));
        assertThat(first.json().indexOf("\"product_tree\"")).isLessThan(first.json().indexOf("\"vulnerabilities\""));
    }

    @Test
    void theDocumentStatesTheComputedScoreAndItsCanonicalUrl() throws Exception {
        JsonNode root = JsonMappers.plain().readTree(
                CsafWriter.write(CsafExamples.securityAdvisory("IOTSEAL-2026-0008", 2), DIRECTORY).json());

        // CVSS 3.1 AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N is 5.4, medium (FIRST's calculator gives the same).
        assertThat(root.at("/vulnerabilities/0/scores/0/cvss_v3/baseScore").decimalValue()).isEqualByComparingTo("5.4");
        assertThat(root.at("/vulnerabilities/0/scores/0/cvss_v3/baseSeverity").asText()).isEqualTo("MEDIUM");
        assertThat(root.at("/document/references/0/url").asText())
                .isEqualTo("https://registry.example.org/.well-known/csaf/white/2026/iotseal-2026-0008.json");
        assertThat(root.at("/document/tracking/version").asText()).isEqualTo("2");
        assertThat(root.at("/document/tracking/current_release_date").asText()).isEqualTo("2026-11-27T15:30:00Z");
    }

    @Test
    void theVexDocumentReadsBackWithTheProjectsCsafVexReader() {
        CsafDocument document = CsafWriter.write(CsafExamples.vex("IOTSEAL-2026-0009"), DIRECTORY);

        VexDocument read = VexReader.read(document.json().getBytes(StandardCharsets.UTF_8), "vex.json");

        assertThat(read.statements()).extracting(s -> s.componentPurl() + " " + s.status()).containsExactlyInAnyOrder(
                "pkg:generic/example-cameras/cam-one@1.0.0 " + VexStatus.AFFECTED,
                "pkg:generic/example-cameras/cam-one@1.0.1 " + VexStatus.NOT_AFFECTED);
    }

    @Test
    void brokenInputIsRefusedNamingTheField() {
        CsafAdvisory good = CsafExamples.vex("IOTSEAL-2026-0010");
        // Positive control.
        assertThat(CsafWriter.write(good, DIRECTORY).json()).contains("csaf_vex");

        CsafAdvisory.Vulnerability v = good.vulnerabilities().get(0);
        CsafAdvisory unknownProduct = with(good, new CsafAdvisory.Vulnerability(v.cve(), v.otherId(), v.title(),
                v.description(), v.cwe(), v.cvssV3Vector(), List.of("NO-SUCH"), v.fixed(), v.knownNotAffected(),
                v.remediations(), v.flags()));
        assertThatThrownBy(() -> CsafWriter.write(unknownProduct, DIRECTORY))
                .hasMessageStartingWith("vulnerabilities[0].knownAffected").hasMessageContaining("NO-SUCH");

        CsafAdvisory unjustified = with(good, new CsafAdvisory.Vulnerability(v.cve(), v.otherId(), v.title(),
                v.description(), v.cwe(), v.cvssV3Vector(), v.knownAffected(), v.fixed(), v.knownNotAffected(),
                v.remediations(), List.of()));
        assertThatThrownBy(() -> CsafWriter.write(unjustified, DIRECTORY))
                .hasMessageStartingWith("vulnerabilities[0].flags").hasMessageContaining("6.1.27.9");

        CsafAdvisory twoFlags = with(good, new CsafAdvisory.Vulnerability(v.cve(), v.otherId(), v.title(),
                v.description(), v.cwe(), v.cvssV3Vector(), v.knownAffected(), v.fixed(), v.knownNotAffected(),
                v.remediations(), List.of(v.flags().get(0), new Flag(Justification.COMPONENT_NOT_PRESENT,
                List.of("CAM-1.0.1")))));
        assertThatThrownBy(() -> CsafWriter.write(twoFlags, DIRECTORY)).hasMessageContaining("6.1.33");

        CsafAdvisory badVector = with(good, new CsafAdvisory.Vulnerability(v.cve(), v.otherId(), v.title(),
                v.description(), v.cwe(), "CVSS:3.1/AV:X", v.knownAffected(), v.fixed(), v.knownNotAffected(),
                v.remediations(), v.flags()));
        assertThatThrownBy(() -> CsafWriter.write(badVector, DIRECTORY))
                .hasMessageStartingWith("vulnerabilities[0].cvssV3Vector");

        CsafAdvisory gap = new CsafAdvisory(good.profile(), good.publisher(), good.trackingId(), good.title(),
                good.language(), good.summary(), good.initialReleaseDate(), good.currentReleaseDate(),
                List.of(new Revision(2, good.initialReleaseDate(), "Skipped one.")), good.products(),
                good.vulnerabilities(), good.references());
        assertThatThrownBy(() -> CsafWriter.write(gap, DIRECTORY)).hasMessageStartingWith("revisions[0].number");
    }

    private static CsafAdvisory with(CsafAdvisory a, CsafAdvisory.Vulnerability v) {
        List<CsafAdvisory.Vulnerability> vulnerabilities = new ArrayList<>(List.of(v));
        return new CsafAdvisory(a.profile(), a.publisher(), a.trackingId(), a.title(), a.language(), a.summary(),
                a.initialReleaseDate(), a.currentReleaseDate(), a.revisions(), a.products(), vulnerabilities,
                a.references());
    }
}
