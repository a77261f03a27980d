package io.iotseal.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentResultsWriterTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00.123456Z");

    private static AssessmentResultsWriter writer() {
        return new AssessmentResultsWriter(OscalIds.uuid("w/doc"), "Results", "v1", START, "#plan", null)
                .result(OscalIds.uuid("w/result"), "Result", "One result.", START, null)
                .reviewedControls("The controls", List.of("id-5.1-1"));
    }

    @Test
    void anObservationWithoutFindingsLeavesTheFindingsOutAndValidates() {
        AssessmentResultsWriter w = writer();
        ObjectNode obs = w.observation(OscalIds.uuid("w/obs"), "Test case T1", "Examined the manual.");
        obs.putArray("methods").add("EXAMINE");
        AssessmentResultsWriter.collected(obs, START);

        ObjectNode doc = w.document();

        ObjectNode result = (ObjectNode) doc.at("/assessment-results/results/0");
        assertThat(result.has("findings")).isFalse();
        assertThat(result.has("local-definitions")).isFalse();
        assertThat(result.get("observations")).hasSize(1);
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
    }

    @Test
    void timestampsAreWholeSecondsInUtcAndReviewAllIsPossible() {
        AssessmentResultsWriter w = new AssessmentResultsWriter(OscalIds.uuid("w/doc2"), "Results", "v1", START, "#plan",
                "no plan").result(OscalIds.uuid("w/result2"), "Result", "All controls.", START, START)
                .reviewedControls(null, null);
        w.inventoryItem(OscalIds.uuid("w/device"), "Device under test");

        ObjectNode doc = w.document();

        assertThat(doc.at("/assessment-results/metadata/last-modified").asText()).isEqualTo("2026-11-01T09:00:00Z");
        assertThat(doc.at("/assessment-results/results/0/end").asText()).isEqualTo("2026-11-01T09:00:00Z");
        assertThat(doc.at("/assessment-results/results/0/reviewed-controls/control-selections/0").has("include-all")).isTrue();
        assertThat(doc.at("/assessment-results/results/0/local-definitions/inventory-items")).hasSize(1);
        assertThat(OscalSchemas.violations(OscalSchemas.ASSESSMENT_RESULTS, doc)).isEmpty();
    }
}
