package io.iotseal.probe.mapping;

import io.iotseal.probe.DeviceProbe;
import io.iotseal.probe.check.Check;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementMappingsTest {
    /**
     * The requirement IDs the IoTSeal core catalogs define for the provisions a network probe can test.
     * When the core's StandardsLibrary is on main this becomes a lookup in the loaded catalogs.
     */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "etsi-en-303-645", Set.of("5.1-1", "5.1-2", "5.1-5", "5.5-1", "5.5-4", "5.5-5", "5.5-7", "5.6-1", "5.6-2",
                    "5.6-5", "5.8-1", "5.8-2"),
            "jc-star-star1", Set.of("S1.1-01", "S1.1-02", "S1.1-03", "S1.1-04"),
            "nistir-8425", Set.of("AI-1", "AI-2", "PC-1", "PC-2", "DP-1", "DP-2", "DP-3", "IAC-1", "SU-1", "SU-2", "CSA-1"),
            "iso-iec-27402", Set.of("5.2.2", "5.2.5", "5.2.6"));

    private final RequirementMappings mappings = RequirementMappings.loadBuiltIn();

    @Test
    void everyCheckIsMappedWithRationaleToKnownRequirements() {
        for (Check check : DeviceProbe.allChecks(Clock.systemUTC())) {
            CheckMapping m = mappings.forCheck(check.id());
            assertThat(m.requirements()).as(check.id()).isNotEmpty();
            assertThat(m.requirements()).allSatisfy(r -> {
                assertThat(KNOWN).containsKey(r.ref().catalogId());
                assertThat(KNOWN.get(r.ref().catalogId())).as(check.id()).contains(r.ref().requirementId());
                assertThat(r.rationale()).isNotBlank();
            });
        }
        assertThat(mappings.all()).hasSize(DeviceProbe.allChecks(Clock.systemUTC()).size());
    }

    @Test
    void headlineRequirementsAreClaimedByTheRightChecks() {
        assertThat(mappings.forCheck("default-credentials").refs()).contains(
                new RequirementRef("etsi-en-303-645", "5.1-1"), new RequirementRef("jc-star-star1", "S1.1-02"));
        assertThat(mappings.forCheck("brute-force-resistance").refs()).contains(
                new RequirementRef("etsi-en-303-645", "5.1-5"), new RequirementRef("jc-star-star1", "S1.1-04"));
        // Changeable authenticators cannot be tested without changing the device's state.
        assertThat(mappings.all()).flatExtracting(CheckMapping::refs)
                .doesNotContain(new RequirementRef("jc-star-star1", "S1.1-03"));
        assertThat(mappings.version()).isPositive();
    }
}
