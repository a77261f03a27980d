package io.iotseal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.iotseal.disclosure.CraReportInput.CorrectiveMeasure;
import io.iotseal.disclosure.CraReportInput.Manufacturer;
import io.iotseal.disclosure.CraReportInput.Sensitivity;
import io.iotseal.disclosure.CraReportInput.Severity;
import io.iotseal.document.InvalidDocumentException;
import io.iotseal.document.SchemaProblem;
import io.iotseal.json.JsonMappers;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CRA drafts, checked with the networknt JSON Schema validator against our schema, itself checked against 2020-12. */
class CraDraftsTest {
    private static final Instant PREPARED = Instant.parse("2026-10-05T12:00:00Z");

    static CraReportInput complete() {
        return new CraReportInput(new Manufacturer("Example Devices KK", "psirt@example.jp"), "ネットワークカメラ NC-200",
                List.of("2.1.0", "2.1.1"), "IOTSEAL-CASE-42", "CVE-2026-12345",
                "Authentication bypass in the web interface", "Crafted HTTP request to /cgi-bin/admin",
                new Severity("CRITICAL", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
                "Remote takeover of the camera", true, List.of("DE", "FR"),
                "Web interface disabled by a configuration push", "Block port 80 from the Internet", Sensitivity.AMBER,
                null, new CorrectiveMeasure("Firmware 2.1.2 removes the bypass", List.of("2.1.2")),
                Instant.parse("2026-10-20T09:00:00Z"), Instant.parse("2026-10-05T10:17:00Z"));
    }

    static CraReportInput without(String field) {
        CraReportInput c = complete();
        return new CraReportInput(c.manufacturer(), c.productName(), c.productVersions(), c.vulnerabilityId(), c.cve(),
                c.description(), c.exploitNature(), c.severity(), field.equals("impact") ? null : c.impact(),
                !field.equals("activelyExploited"), field.equals("memberStates") ? null : c.memberStates(),
                c.correctiveMeasuresTaken(), c.userMeasures(), c.sensitivity(), c.maliciousActor(), c.correctiveMeasure(),
                c.correctiveMeasureAvailableAt(), c.awareAt());
    }

    @Test
    void theSchemaIsAValid2020_12Schema() throws Exception {
        var meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        try (InputStream in = CraDrafts.class.getResourceAsStream(CraDrafts.SCHEMA_RESOURCE)) {
            JsonNode schema = JsonMappers.strict().readTree(in);
            assertThat(meta.validate(schema)).isEmpty();
            // Positive control for the meta-schema check: a schema with a wrongly typed keyword fails it.
            ((ObjectNode) schema).put("required", "format");
            assertThat(meta.validate(schema)).isNotEmpty();
        }
    }

    @Test
    void everyStageOfACompleteCaseIsAValidDraftWithWhatArticle14_2AsksForIt() throws Exception {
        JsonNode early = CraDrafts.build(CraStage.EARLY_WARNING, complete(), PREPARED).content();
        assertThat(early.path("format").asText()).isEqualTo("iotseal-cra-draft/1");
        assertThat(early.path("stage").asText()).isEqualTo("early-warning");
        assertThat(early.path("legalBasis").asText()).contains("14(2)(a)");
        assertThat(early.path("notice").asText()).contains("does not submit", "IoTSeal's own");
        assertThat(early.path("memberStates").toString()).isEqualTo("[\"DE\",\"FR\"]");
        assertThat(early.path("product").path("name").asText()).isEqualTo("ネットワークカメラ NC-200");
        assertThat(early.has("description")).as("the early warning asks for no details").isFalse();

        JsonNode notification = CraDrafts.build(CraStage.NOTIFICATION, complete(), PREPARED).content();
        assertThat(notification.path("exploitNature").asText()).startsWith("Crafted HTTP request");
        assertThat(notification.path("userMeasures").asText()).isEqualTo("Block port 80 from the Internet");
        assertThat(notification.path("sensitivity").asText()).isEqualTo("TLP:AMBER");

        JsonNode report = CraDrafts.build(CraStage.FINAL_REPORT, complete(), PREPARED).content();
        assertThat(report.path("severity").path("cvss").path("baseScore").asDouble()).isEqualTo(9.8);
        assertThat(report.path("maliciousActor").asText()).as("asked only where available").isEqualTo("unknown");
        assertThat(report.path("correctiveMeasure").path("availableAt").asText()).isEqualTo("2026-10-20T09:00:00Z");
        assertThat(report.path("correctiveMeasure").path("fixedVersions").toString()).isEqualTo("[\"2.1.2\"]");
        for (JsonNode draft : List.of(early, notification, report)) {
            assertThat(CraDrafts.problems(draft)).as(draft.path("stage").asText()).isEmpty();
        }
    }

    @Test
    void memberStatesNotKnownAreWrittenAsUnknown() throws Exception {
        JsonNode early = CraDrafts.build(CraStage.EARLY_WARNING, without("memberStates"), PREPARED).content();
        assertThat(early.path("memberStates").asText()).isEqualTo("unknown");
    }

    @Test
    void aDraftMissingARequiredFieldIsRefusedNamingIt() throws Exception {
        JsonNode valid = CraDrafts.build(CraStage.FINAL_REPORT, complete(), PREPARED).content();
        assertThat(CraDrafts.problems(valid)).isEmpty();
        ObjectNode edited = (ObjectNode) valid.deepCopy();
        edited.remove("correctiveMeasure");
        assertThat(CraDrafts.problems(edited)).extracting(SchemaProblem::message)
                .anySatisfy(m -> assertThat(m).contains("correctiveMeasure"));

        assertThatThrownBy(() -> CraDrafts.build(CraStage.FINAL_REPORT, without("impact"), PREPARED))
                .isInstanceOf(InvalidDocumentException.class)
                .satisfies(e -> assertThat(((InvalidDocumentException) e).problems()).extracting(SchemaProblem::message)
                        .anySatisfy(m -> assertThat(m).contains("impact")));
        assertThat(CraDrafts.build(CraStage.NOTIFICATION, without("impact"), PREPARED).stage())
                .as("the notification does not ask for the impact").isEqualTo(CraStage.NOTIFICATION);
    }

    @Test
    void aVulnerabilityNotActivelyExploitedGetsNoArticle14Draft() {
        assertThatThrownBy(() -> CraDrafts.build(CraStage.EARLY_WARNING, without("activelyExploited"), PREPARED))
                .isInstanceOf(InvalidDocumentException.class)
                .satisfies(e -> assertThat(((InvalidDocumentException) e).problems()).extracting(SchemaProblem::location)
                        .contains("/activelyExploited"));
    }

    @Test
    void aMalformedCveOrMemberStateIsRefused() throws Exception {
        ObjectNode draft = (ObjectNode) CraDrafts.build(CraStage.EARLY_WARNING, complete(), PREPARED).content();
        ((ObjectNode) draft.path("vulnerability")).put("cve", "CVE-26-1");
        assertThat(CraDrafts.problems(draft)).extracting(SchemaProblem::location).contains("/vulnerability/cve");
        ObjectNode states = (ObjectNode) CraDrafts.build(CraStage.EARLY_WARNING, complete(), PREPARED).content();
        states.putArray("memberStates").add("Germany");
        assertThat(CraDrafts.problems(states)).isNotEmpty();
    }
}
