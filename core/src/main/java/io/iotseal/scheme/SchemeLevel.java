package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.identifier;
import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.LocalizedText;
import java.util.List;
import java.util.Optional;

/**
 * One level of a scheme (★1, CLS Level 2, ...) with its assessment route, requirements and validity.
 * {@code labReview}, when present, is a variant of a self-declared route: a lab reviews the declaration.
 */
public record SchemeLevel(
        String id,
        int rank,
        LocalizedText name,
        AssessmentRoute assessment,
        LabReview labReview,
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
        if (labReview != null && assessment == AssessmentRoute.THIRD_PARTY) {
            throw new IllegalArgumentException("level '" + id
                    + "': labReview is a variant of a self-declared route; a third-party level is evaluated by a lab anyway");
        }
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
