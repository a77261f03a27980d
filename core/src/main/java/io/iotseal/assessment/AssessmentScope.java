package io.iotseal.assessment;

import io.iotseal.applicability.ApplicabilityDecision;
import io.iotseal.applicability.ApplicabilityEngine;
import io.iotseal.applicability.ProductProfile;
import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.Requirement;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.AssessmentRoute;
import io.iotseal.scheme.SchemeLevel;
import io.iotseal.scheme.UnknownPart;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requirements an assessment covers and which of them apply. A level contributes the
 * requirements of its sets and of the levels it includes; a catalog all its requirements. Parts of a
 * level whose content is unknown are kept so that outputs can say the assessment cannot cover them.
 */
public final class AssessmentScope {

    private final Target target;
    private final Route route;
    private final Map<RequirementRef, ScopedRequirement> requirements;
    private final List<UnknownPart> unknownParts;
    private final List<StandardsLibrary.MissingCriteria> missingCriteria;

    private AssessmentScope(Target target, Route route, List<ScopedRequirement> requirements, List<UnknownPart> unknownParts,
                            List<StandardsLibrary.MissingCriteria> missingCriteria) {
        this.target = target;
        this.route = route;
        Map<RequirementRef, ScopedRequirement> index = new LinkedHashMap<>();
        requirements.forEach(r -> index.put(r.requirement(), r));
        this.requirements = index;
        this.unknownParts = List.copyOf(unknownParts);
        this.missingCriteria = List.copyOf(missingCriteria);
    }

    /** {@link #resolve(StandardsLibrary, Target, ProductProfile, LocalDate)} for an assessment started today (UTC). */
    public static AssessmentScope resolve(StandardsLibrary library, Target target, ProductProfile profile) {
        return resolve(library, target, profile, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Resolves the target in the library and decides applicability from the product's declarations.
     * {@code startedOn} picks the route where the data dates a route variant (a lab review in force).
     */
    public static AssessmentScope resolve(StandardsLibrary library, Target target, ProductProfile profile,
                                          LocalDate startedOn) {
        List<RequirementRef> refs = new ArrayList<>();
        List<UnknownPart> unknown = List.of();
        List<StandardsLibrary.MissingCriteria> missing = List.of();
        Route route;
        if (target.isLevel()) {
            SchemeLevel level = library.requireLevel(target.level());
            route = Route.of(level, startedOn);
            StandardsLibrary.LevelRequirements lr = library.levelRequirements(target.level());
            refs.addAll(lr.requirements());
            unknown = lr.unknownParts();
            missing = library.levelsWithoutCriteria(target.level());
        } else {
            Catalog catalog = library.requireCatalog(target.text());
            catalog.requirements().forEach(r -> refs.add(new RequirementRef(catalog.id(), r.id())));
            route = Route.of(AssessmentRoute.SELF_DECLARATION);
        }
        checkDeclaredTerms(library, refs, profile);
        List<ScopedRequirement> scoped = new ArrayList<>();
        for (RequirementRef ref : refs) {
            Catalog catalog = library.requireCatalog(ref.catalog());
            Requirement requirement = catalog.requirement(ref.requirement()).orElseThrow();
            ApplicabilityDecision d = ApplicabilityEngine.decide(catalog, requirement, profile);
            scoped.add(new ScopedRequirement(ref, requirement.titleIn("en"), d.applicability(), d.reasons(),
                    requirement.isKnown()));
        }
        return new AssessmentScope(target, route, scoped, unknown, missing);
    }

    /**
     * A declared feature or condition that none of the scope's catalogs knows is a typo; say so. (The
     * engine's own check is per catalog, and a level may span catalogs that define different terms.)
     */
    private static void checkDeclaredTerms(StandardsLibrary library, List<RequirementRef> refs, ProductProfile profile) {
        List<Catalog> catalogs = refs.stream().map(RequirementRef::catalog).distinct().map(library::requireCatalog).toList();
        boolean anyTerms = catalogs.stream().anyMatch(c -> !c.features().isEmpty() || !c.conditions().isEmpty());
        if (!anyTerms) {
            return; // nothing in scope depends on declarations; they may still serve a later assessment
        }
        for (String f : profile.features().keySet()) {
            if (catalogs.stream().noneMatch(c -> c.feature(f).isPresent())) {
                throw new IllegalArgumentException("features." + f + ": no catalog of this assessment has feature '" + f + "'");
            }
        }
        for (String c : profile.conditions().keySet()) {
            if (catalogs.stream().noneMatch(cat -> cat.condition(c).isPresent())) {
                throw new IllegalArgumentException("conditions." + c + ": no catalog of this assessment has condition '" + c + "'");
            }
        }
    }

    public Target target() {
        return target;
    }

    public Route route() {
        return route;
    }

    public List<ScopedRequirement> requirements() {
        return List.copyOf(requirements.values());
    }

    public Optional<ScopedRequirement> requirement(RequirementRef ref) {
        return Optional.ofNullable(requirements.get(ref));
    }

    public boolean contains(RequirementRef ref) {
        return requirements.containsKey(ref);
    }

    public List<UnknownPart> unknownParts() {
        return unknownParts;
    }

    /**
     * Levels of the target whose own criteria the data does not hold (issue 10): such an assessment
     * would check only lower levels' criteria, so it must not lead to a label claiming the level.
     */
    public List<StandardsLibrary.MissingCriteria> missingCriteria() {
        return missingCriteria;
    }
}
