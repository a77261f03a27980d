package io.iotseal.label;

import static io.iotseal.label.LabelLimits.checkText;

import io.iotseal.catalog.LocalizedText;
import java.time.LocalDate;
import java.util.List;

/**
 * The labelled product: vendor, names (English required, Japanese where one exists), the model
 * numbers and the software versions the label covers, and the end of its support period.
 */
public record Product(String vendor, LocalizedText name, List<String> models, List<String> versions,
                      LocalDate supportPeriodEnd) {
    public Product {
        checkText(vendor, "product.vendor", LabelLimits.VENDOR_BYTES);
        if (name == null) {
            throw new IllegalArgumentException("missing required field 'product.name'");
        }
        for (var entry : name.asMap().entrySet()) {
            if (!List.of("en", "ja").contains(entry.getKey())) {
                throw new IllegalArgumentException("product.name." + entry.getKey() + ": only en and ja names are kept");
            }
            checkText(entry.getValue(), "product.name." + entry.getKey(), LabelLimits.NAME_BYTES);
        }
        models = LabelLimits.checkList(models, "product.models", 1, LabelLimits.MAX_MODELS, LabelLimits.MODEL_BYTES);
        versions = LabelLimits.checkList(versions, "product.versions", 0, LabelLimits.MAX_VERSIONS,
                LabelLimits.VERSION_BYTES);
        if (supportPeriodEnd == null) {
            throw new IllegalArgumentException("missing required field 'product.supportPeriodEnd'");
        }
    }
}
