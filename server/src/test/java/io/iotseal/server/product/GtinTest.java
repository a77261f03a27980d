package io.iotseal.server.product;

import io.iotseal.server.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GS1 check digits, against barcodes printed on real goods and in the GS1 and ISBN literature. */
class GtinTest {

    @Test
    void acceptsPublishedBarcodesOfEveryLengthInTheir14DigitForm() {
        assertThat(Gtin.normalize("gtin", "4006381333931")).isEqualTo("04006381333931"); // EAN-13
        assertThat(Gtin.normalize("gtin", "9780306406157")).isEqualTo("09780306406157"); // ISBN-13
        assertThat(Gtin.normalize("gtin", "036000291452")).isEqualTo("00036000291452");  // UPC-A
        assertThat(Gtin.normalize("gtin", "96385074")).isEqualTo("00000096385074");      // EAN-8
        assertThat(Gtin.normalize("gtin", "00036000291452")).isEqualTo("00036000291452"); // GTIN-14
    }

    @Test
    void rejectsAWrongCheckDigitOrLengthNamingTheField() {
        assertThatThrownBy(() -> Gtin.normalize("items[3]", "4006381333932"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("items[3]"));
                    assertThat(e.getMessage()).contains("check digit");
                });
        assertThatThrownBy(() -> Gtin.normalize("gtin", "40063813339")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Gtin.normalize("gtin", "400638133393a")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Gtin.normalize("gtin", "４００６３８１３３３９３１")).isInstanceOf(ApiException.class);
    }
}
