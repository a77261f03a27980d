package io.iotseal.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotseal.vex.VexJustification.Vocabulary;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The justification vocabularies (ADR 0094), compared with the lists the formats themselves define: the
 * CycloneDX library's enum, and the enums in the vendored OpenVEX and CSAF schemas.
 */
class VexJustificationTest {

    private static List<String> labels(Vocabulary vocabulary) {
        return Arrays.stream(VexJustification.values()).filter(j -> j.vocabulary() == vocabulary)
                .map(VexJustification::label).toList();
    }

    private static JsonNode schema(String name) throws IOException {
        try (InputStream in = VexReader.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theCycloneDxValuesAreExactlyTheLibrarys() {
        assertThat(labels(Vocabulary.CYCLONEDX)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Analysis.Justification.values()).map(Analysis.Justification::getJustificationName).toList());
    }

    @Test
    void theOpenVexAndCsafLabelsAreExactlyTheSchemas() throws IOException {
        List<String> openVex = texts(schema("openvex_json_schema_0.2.0.json")
                .at("/properties/statements/items/properties/justification/enum"));
        List<String> csaf = texts(schema("csaf_json_schema_2.0.json")
                .at("/properties/vulnerabilities/items/properties/flags/items/properties/label/enum"));
        assertThat(labels(Vocabulary.OPENVEX_CSAF)).containsExactlyInAnyOrderElementsOf(openVex);
        assertThat(csaf).containsExactlyInAnyOrderElementsOf(openVex);
    }

    @Test
    void everyValueConvertsToTheOtherVocabulary() {
        for (VexJustification j : VexJustification.values()) {
            assertThat(j.cycloneDx().vocabulary()).isEqualTo(Vocabulary.CYCLONEDX);
            assertThat(j.openVex().vocabulary()).isEqualTo(Vocabulary.OPENVEX_CSAF);
            assertThat(j.exactIn(j.vocabulary())).isTrue();
        }
    }

    @Test
    void onlyTheTwoComparedPairsAreEquivalentAndTheyRoundTrip() {
        List<VexJustification> exact = Arrays.stream(VexJustification.values())
                .filter(j -> j.exactIn(Vocabulary.CYCLONEDX) && j.exactIn(Vocabulary.OPENVEX_CSAF)).toList();
        assertThat(exact).containsExactly(VexJustification.CODE_NOT_PRESENT, VexJustification.CODE_NOT_REACHABLE,
                VexJustification.VULNERABLE_CODE_NOT_PRESENT, VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
        for (VexJustification j : exact) {
            assertThat(j.cycloneDx().openVex().cycloneDx()).isEqualTo(j.cycloneDx());
            assertThat(j.openVex().cycloneDx().openVex()).isEqualTo(j.openVex());
        }
        assertThat(VexJustification.PROTECTED_AT_RUNTIME.openVex())
                .isEqualTo(VexJustification.INLINE_MITIGATIONS_ALREADY_EXIST);
        assertThat(VexJustification.INLINE_MITIGATIONS_ALREADY_EXIST.cycloneDx())
                .isEqualTo(VexJustification.PROTECTED_BY_MITIGATING_CONTROL);
        assertThat(VexJustification.COMPONENT_NOT_PRESENT.cycloneDx()).isEqualTo(VexJustification.CODE_NOT_PRESENT);
    }

    @Test
    void labelsAreLookedUpInTheirOwnVocabularyOnly() {
        assertThat(VexJustification.of(Vocabulary.CYCLONEDX, "code_not_present"))
                .contains(VexJustification.CODE_NOT_PRESENT);
        assertThat(VexJustification.of(Vocabulary.OPENVEX_CSAF, "code_not_present")).isEmpty();
        assertThat(VexJustification.of(Vocabulary.CYCLONEDX, "component_not_present")).isEmpty();
    }
}
