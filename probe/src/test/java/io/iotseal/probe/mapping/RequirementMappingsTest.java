package io.iotseal.probe.mapping;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.library.StandardsLoader;
import io.iotseal.probe.DeviceProbe;
import io.iotseal.probe.check.Check;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementMappingsTest {
    private static final StandardsLibrary LIBRARY = StandardsLoader.loadBuiltIn();
    private final RequirementMappings mappings = RequirementMappings.loadBuiltIn();

    @Test
    void everyMappedRequirementExistsInTheLoadedCatalogs() {
        assertThat(mappings.all()).flatExtracting(CheckMapping::refs).isNotEmpty().allSatisfy(ref ->
                assertThat(LIBRARY.requirement(ref)).as("%s in the core catalogs", ref).isPresent());
        assertThat(mappings.catalogVersions().keySet()).allSatisfy(id -> assertThat(LIBRARY.catalog(id)).isPresent());
    }

    @Test
    void everyCheckIsMappedWithARationale() {
        for (Check check : DeviceProbe.allChecks(Clock.systemUTC())) {
            CheckMapping m = mappings.forCheck(check.id());
            assertThat(m.requirements()).as(check.id()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.rationale()).isNotBlank());
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
