package io.iotseal.server.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A QR code opened by anything but a JSON client gets the page. */
class PublicStatusNegotiationTest {
    @Test
    void jsonOnlyWhenAskedForExplicitlyAndPreferred() {
        assertThat(LabelPageController.prefersJson("application/json")).isTrue();
        assertThat(LabelPageController.prefersJson("application/json, text/html;q=0.5")).isTrue();
        assertThat(LabelPageController.prefersJson(null)).isFalse();
        assertThat(LabelPageController.prefersJson("*/*")).isFalse();
        assertThat(LabelPageController.prefersJson("application/*")).isFalse();
        assertThat(LabelPageController.prefersJson("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8"))
                .isFalse();
        assertThat(LabelPageController.prefersJson("application/json;q=0.5, */*")).isFalse();
        assertThat(LabelPageController.prefersJson("not a media type;;;")).isFalse();
    }
}
