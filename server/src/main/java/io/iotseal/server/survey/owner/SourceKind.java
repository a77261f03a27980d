package io.iotseal.server.survey.owner;

import io.iotseal.server.web.ApiException;

import java.util.Arrays;
import java.util.Locale;

/** The three kinds of address-to-owner file the operator may import (ADR 0106). */
enum SourceKind {
    /** An RIR delegation file in the RIR statistics exchange format ({@code registry|cc|type|start|value|date|status[|opaque-id]}). */
    RIR,
    /** A routing table dump: {@code prefix origin-as [name]} per line. */
    ROUTES,
    /** The operator's own CSV: {@code prefix,owner,name,contact}. */
    CSV;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SourceKind of(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.invalid("format", "one of rir, routes, csv"));
    }
}
