package io.iotseal.server.registry;

import java.util.List;

/** A bulk check (issue 13): model numbers, GTINs (JAN), or both; together at most {@link BulkCheck#MAX_ITEMS}. */
record CheckInput(List<String> modelNumbers, List<String> gtins) {

    CheckInput {
        modelNumbers = modelNumbers == null ? List.of() : modelNumbers;
        gtins = gtins == null ? List.of() : gtins;
    }
}
