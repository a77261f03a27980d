package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator must be able to reject: otherwise every "validates" assertion would be meaningless. */
class OscalSchemaSelfTest {
    @Test
    void rejectsTokensThatStartWithADigitAndStatesOutsideTheEnum() throws Exception {
        String doc = """
                {"assessment-results": {"uuid": "not-a-uuid",
                  "metadata": {"title": "t", "last-modified": "2026-11-22T03:00:00Z", "version": "1", "oscal-version": "1.1.3"},
                  "import-ap": {"href": "#x"},
                  "results": [{"uuid": "6f1c2a5e-6d1b-4c3e-9a7b-2b1f0e9d8c7a", "title": "r", "description": "d",
                    "start": "2026-11-22T03:00:00Z", "reviewed-controls": {"control-selections": [{"include-all": {}}]},
                    "findings": [{"uuid": "6f1c2a5e-6d1b-4c3e-9a7b-2b1f0e9d8c7b", "title": "f", "description": "d",
                      "target": {"type": "objective-id", "target-id": "5.1-1", "status": {"state": "unknown"}}}]}]}}
                """;
        var messages = OscalSchema.validate(new ObjectMapper().readTree(doc));
        assertThat(messages).extracting(Object::toString)
                .anyMatch(m -> m.contains("uuid"))
                .anyMatch(m -> m.contains("target-id"))
                .anyMatch(m -> m.contains("state"));
    }
}
