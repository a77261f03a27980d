package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.LocalizedText;
import java.time.Period;
import java.util.List;

/**
 * Renewal and lapse rules of a level. Absent periods are unknown: a scheme whose renewal rules were
 * not retrieved says so in {@code note} rather than inventing them.
 */
public record Renewal(
        Period windowOpensBeforeExpiry,
        Period windowClosesBeforeExpiry,
        Period lapseAfterRequirementChange,
        LocalizedText note,
        Confidence confidence,
        List<String> sources) {
    public Renewal {
        sources = listOrEmpty(sources);
    }
}
