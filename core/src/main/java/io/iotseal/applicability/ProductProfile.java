package io.iotseal.applicability;

import io.iotseal.catalog.Checks;
import static io.iotseal.catalog.Checks.mapOrEmpty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What a product declares about itself for applicability: which features it has (EN 303 645
 * F(x) codes) and which numbered conditions hold for it (C(n)). Anything not declared is unknown,
 * never assumed.
 */
public record ProductProfile(String product, Map<String, Boolean> features, Map<String, Boolean> conditions) {
    public static final String FORMAT = "iotseal-features/1";

    @JsonCreator
    public static ProductProfile fromFile(
            @JsonProperty("format") String format,
            @JsonProperty("product") String product,
            @JsonProperty("features") Map<String, Boolean> features,
            @JsonProperty("conditions") Map<String, Boolean> conditions) {
        Checks.format(FORMAT, format);
        return new ProductProfile(product, features, conditions);
    }

    public ProductProfile {
        features = mapOrEmpty(features);
        conditions = mapOrEmpty(conditions);
        features.forEach((k, v) -> {
            if (v == null) throw new IllegalArgumentException("features." + k + ": must be true or false");
        });
        conditions.forEach((k, v) -> {
            if (v == null) throw new IllegalArgumentException("conditions." + k + ": must be true or false");
        });
    }
}
