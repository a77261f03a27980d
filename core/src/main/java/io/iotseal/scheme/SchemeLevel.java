package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.LocalizedText;
import java.util.List;
import java.util.Optional;

/** One level of a scheme (★1, CLS Level 2, ...) with its assessment route, requirements and validity. */
public record SchemeLevel(
        String id,
        int rank,
        LocalizedText name,
        AssessmentRoute assessment,
        List<String> includes,
        List<RequirementSet> requirements,
        UnknownPart unknownRequirements,
        List<String> activities,
        Validity validity,
        Renewal renewal,
        List<String> sources) {

    public SchemeLevel {
        identifier(id, "id");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be 1 or more (1 = lowest level)");
        }
        required(name, "name");
        required(assessment, "assessment");
        includes = listOrEmpty(includes);
        requirements = listOrEmpty(requirements);
        activities = listOrEmpty(activities);
        sources = listOrEmpty(sources);
        if (requirements.isEmpty() && includes.isEmpty() && unknownRequirements == null) {
            throw new IllegalArgumentException("level '" + id
                    + "' has no requirements, includes no level and declares no unknownRequirements");
        }
    }

    public Optional<Validity> validityIfKnown() {
        return Optional.ofNullable(validity);
    }
}
