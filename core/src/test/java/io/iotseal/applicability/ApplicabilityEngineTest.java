package io.iotseal.applicability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.Fixtures;
import io.iotseal.catalog.Catalog;
import io.iotseal.library.StandardsLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicabilityEngineTest {
    private final Catalog a = Fixtures.small().requireCatalog("a");

    private Applicability of(String id, Map<String, Boolean> features, Map<String, Boolean> conditions) {
        var profile = new ProductProfile("p", features, conditions);
        return ApplicabilityEngine.evaluate(a, profile).stream().filter(d -> d.requirement().id().equals(id))
                .findFirst().orElseThrow().applicability();
    }

    @Test
    void unconditionalRequirementsAlwaysApply() {
        assertThat(of("A-1", Map.of(), Map.of())).isEqualTo(Applicability.APPLIES);
        assertThat(of("A-5", Map.of(), Map.of())).isEqualTo(Applicability.APPLIES);
    }

    @Test
    void featureDependentRequirementFollowsTheFeature() {
        assertThat(of("A-2", Map.of("a", true), Map.of())).isEqualTo(Applicability.APPLIES);
        assertThat(of("A-2", Map.of("a", false), Map.of())).isEqualTo(Applicability.NOT_APPLICABLE);
        assertThat(of("A-2", Map.of(), Map.of())).isEqualTo(Applicability.UNDETERMINED);
    }

    @Test
    void combinedConditionAndFeatureNeedBoth() {
        assertThat(of("A-4", Map.of("b", true), Map.of("1", true))).isEqualTo(Applicability.APPLIES);
        assertThat(of("A-4", Map.of("b", true), Map.of("1", false))).isEqualTo(Applicability.NOT_APPLICABLE);
        assertThat(of("A-4", Map.of("b", false), Map.of())).isEqualTo(Applicability.NOT_APPLICABLE);
        assertThat(of("A-4", Map.of("b", true), Map.of())).isEqualTo(Applicability.UNDETERMINED);
    }

    @Test
    void reasonsNameTheFeatureAndWhatItMeans() {
        var decision = ApplicabilityEngine.evaluate(a, new ProductProfile("p", Map.of("a", false), Map.of())).get(1);
        assertThat(decision.reasons()).containsExactly("feature a absent (Passwords are used)");
    }

    @Test
    void aDeclaredFeatureTheCatalogDoesNotKnowIsAnError() {
        assertThatThrownBy(() -> ApplicabilityEngine.evaluate(a, new ProductProfile("p", Map.of("zz", true), Map.of())))
                .hasMessage("features.zz: catalog 'a' has no feature 'zz'; known: a, b");
        assertThatThrownBy(() -> ApplicabilityEngine.evaluate(a, new ProductProfile("p", Map.of(), Map.of("9", true))))
                .hasMessageContaining("conditions.9: catalog 'a' has no condition '9'");
    }

    @Test
    void bruteForceProtectionOfTheRealCatalogDependsOnCondition14AndFeatureE() {
        Catalog en = StandardsLoader.loadBuiltIn().requireCatalog("etsi-en-303-645");
        var constrained = new ProductProfile("sensor", Map.of("e", true), Map.of("14", false));
        var d = ApplicabilityEngine.evaluate(en, constrained).stream().filter(x -> x.requirement().id().equals("5.1-5"))
                .findFirst().orElseThrow();
        assertThat(d.applicability()).isEqualTo(Applicability.NOT_APPLICABLE);
        assertThat(d.reasons()).singleElement().asString().startsWith("condition 14 does not hold");
        List<ApplicabilityDecision> all = ApplicabilityEngine.evaluate(en, new ProductProfile("x", Map.of(), Map.of()));
        assertThat(all).hasSize(78);
    }
}
