package io.iotseal.server.registry;

import io.iotseal.server.web.ApiException;

import java.util.Map;

/**
 * The label search's order: a key, descending with a leading '-'; ties broken by the label's id so pages
 * never overlap. The SQL is chosen from this fixed table, never built from the parameter.
 */
record LabelSort(String key, boolean descending) {

    private static final Map<String, String> COLUMNS = Map.of("issued", "l.issued", "validUntil", "l.expiry",
            "supportEnd", "l.support_end", "labelId", "l.label_id", "vendor", "l.vendor_name",
            "registrationNumber", "l.registration_number");

    static final LabelSort DEFAULT = new LabelSort("issued", true);

    static LabelSort parse(String field, String text) {
        if (text == null) {
            return DEFAULT;
        }
        boolean desc = text.startsWith("-");
        String key = desc ? text.substring(1) : text;
        if (!COLUMNS.containsKey(key)) {
            throw ApiException.invalid(field, "one of " + String.join(", ", COLUMNS.keySet().stream().sorted().toList())
                    + ", with a leading '-' for descending");
        }
        return new LabelSort(key, desc);
    }

    String orderBy() {
        String dir = descending ? " desc" : " asc";
        return " order by " + COLUMNS.get(key) + dir + ", l.id" + dir;
    }
}
