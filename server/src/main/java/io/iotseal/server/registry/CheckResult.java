package io.iotseal.server.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The bulk check's answer: per item asked, in the order asked, whether a public label of it is valid today
 * and every public label found with its status. An item with no public label has {@code valid: false} and
 * no labels: the registry vouches for nothing it does not list.
 */
record CheckResult(OffsetDateTime checkedAt, List<Item> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String modelNumber, String gtin, boolean valid, List<Found> labels) {
    }

    record Found(String labelId, String scheme, String level, String status, LocalDate validUntil) {
    }
}
