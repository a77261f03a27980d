package io.iotseal.cli;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.iotseal.catalog.Checks;
import io.iotseal.label.Product;
import java.time.LocalDate;

/**
 * A small YAML description of a label to issue offline (format {@code iotseal-label-request/1}),
 * for demos and tests; the registry issues from accepted assessments instead.
 */
record LabelRequest(String id, String scheme, String level, String productId, LocalDate issued, int statusIndex,
                    Product product) {
    static final String FORMAT = "iotseal-label-request/1";

    @JsonCreator
    static LabelRequest fromFile(@JsonProperty("format") String format, @JsonProperty("id") String id,
                                 @JsonProperty("scheme") String scheme, @JsonProperty("level") String level,
                                 @JsonProperty("productId") String productId, @JsonProperty("issued") LocalDate issued,
                                 @JsonProperty("statusIndex") Integer statusIndex,
                                 @JsonProperty("product") Product product) {
        Checks.format(FORMAT, format);
        return new LabelRequest(Checks.required(id, "id"), Checks.required(scheme, "scheme"),
                Checks.required(level, "level"), Checks.required(productId, "productId"), Checks.required(issued, "issued"),
                Checks.required(statusIndex, "statusIndex"), Checks.required(product, "product"));
    }
}
