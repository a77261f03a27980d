package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotseal.catalog.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelIssuerTest {
    @Test
    void clsUsesItsOwnRegistrationNumberFormatAndCapsAtTheSupportPeriod() {
        Product product = new Product("Vendor", LocalizedText.english("Router"), List.of("R1"), List.of(),
                LocalDate.of(2028, 6, 30));
        Label label = LabelIssuer.issue(TestLabels.scheme("sg-cls"), "level-2", "CLS1", "P00042", product,
                TestLabels.ISSUED, 1);
        // CLS: at most 3 years, and no longer than the support period: 2028-06-30 comes first.
        assertThat(label.expiry()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(label.registrationNumber()).isEqualTo("CSA/300628/P00042");
    }

    @Test
    void jcStarUsesTheIotSealFormatAndItsTwoYearMaximum() {
        Label label = TestLabels.star1();
        assertThat(label.registrationNumber()).isEqualTo("JC-STAR-STAR-1-A0012345");
        assertThat(label.expiry()).isEqualTo(LocalDate.of(2028, 11, 22));
    }

    @Test
    void aLabelNeverOutlivesTheSupportPeriodEvenWhereTheSchemeDataDoesNotSay() {
        Product product = new Product("Vendor", LocalizedText.english("Camera"), List.of("C1"), List.of(),
                LocalDate.of(2027, 3, 31));
        Label label = LabelIssuer.issue(TestLabels.scheme("jc-star"), "star-1", "J1", "A1", product, TestLabels.ISSUED, 1);
        assertThat(label.expiry()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void refusesLevelsWithoutKnownValidityAndBadInputNamingTheField() {
        assertThatThrownBy(() -> LabelIssuer.issue(TestLabels.scheme("fi-traficom-label"),
                TestLabels.scheme("fi-traficom-label").levels().get(0).id(), "X1", "P1", TestLabels.camera(),
                TestLabels.ISSUED, 1)).hasMessageContaining("no known maximum validity");
        assertThatThrownBy(() -> LabelIssuer.issue(TestLabels.scheme("jc-star"), "star-9", "X1", "P1",
                TestLabels.camera(), TestLabels.ISSUED, 1)).hasMessageContaining("no level 'star-9'");
        assertThatThrownBy(() -> LabelIssuer.issue(TestLabels.scheme("jc-star"), "star-1", "x y", "P1",
                TestLabels.camera(), TestLabels.ISSUED, 1)).hasMessageContaining("id 'x y'");
        assertThatThrownBy(() -> LabelIssuer.issue(TestLabels.scheme("jc-star"), "star-1", "X1", "P1",
                TestLabels.camera(), TestLabels.ISSUED, -1)).hasMessageContaining("statusIndex");
    }
}
