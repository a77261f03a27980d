package io.iotseal.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotseal.scheme.Scheme;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LabelLifecycleTest {
    @Test
    void bsiRenewalWindowAndLapseComeFromTheSchemeData() {
        Scheme bsi = TestLabels.scheme("de-bsi-label");
        Label label = LabelIssuer.issue(bsi, "label", "BSI1", "P1", TestLabels.camera(), TestLabels.ISSUED, 3);
        var level = bsi.level("label").orElseThrow();

        assertThat(label.expiry()).isEqualTo(LocalDate.of(2028, 11, 22));
        var window = LabelLifecycle.renewalWindow(label, level).orElseThrow();
        assertThat(window.opens()).isEqualTo(LocalDate.of(2028, 8, 22));
        assertThat(window.closes()).isEqualTo(LocalDate.of(2028, 10, 11));
        assertThat(window.contains(LocalDate.of(2028, 8, 21))).isFalse();
        assertThat(window.contains(window.opens())).isTrue();
        assertThat(window.contains(window.closes())).isTrue();
        assertThat(window.contains(LocalDate.of(2028, 10, 12))).isFalse();
        assertThat(LabelLifecycle.lapse(label, level, LocalDate.of(2027, 3, 1))).contains(LocalDate.of(2027, 4, 12));
        assertThat(LabelLifecycle.lapse(label, level, LocalDate.of(2028, 11, 1))).contains(label.expiry());
    }

    @Test
    void unknownRulesStayUnknown() {
        Label label = TestLabels.star1();
        var level = TestLabels.scheme("jc-star").level("star-1").orElseThrow();
        assertThat(LabelLifecycle.renewalWindow(label, level)).isEmpty();
        assertThat(LabelLifecycle.lapse(label, level, LocalDate.of(2027, 3, 1))).isEmpty();
    }
}
