package io.iotseal.coverage;

import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.Requirement;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.crosswalk.Relationship;
import io.iotseal.library.MappingGraph;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Infers what assessment results on one catalog say about the requirements of other catalogs and
 * scheme levels, by walking crosswalk mappings.
 *
 * <p>Rules, applied step by step along a chain (so the weakest link wins):
 * <ul>
 *   <li>a met requirement carries "met" through equal-to, equivalent-to and superset-of (it covers
 *       the next one), and "partially met" through subset-of and intersects-with;</li>
 *   <li>"partially met" carries on only where the next requirement contains all of the current one
 *       (equal-to, equivalent-to, subset-of): otherwise the met part may lie outside it;</li>
 *   <li>a failed requirement makes "not met" every requirement that contains all of it (equal-to,
 *       equivalent-to, subset-of); through superset-of or intersects-with nothing follows;</li>
 *   <li>not-applicable and not-assessed verdicts, and the absence of a mapping, imply nothing.</li>
 * </ul>
 * When several chains reach one requirement, "not met" beats "met" beats "partially met" (a
 * disagreement is reported as a conflict), then the shorter chain, then published mappings.
 * A chain never enters the same catalog twice and has at most {@value #MAX_HOPS} steps.
 */
public final class CoverageEngine {
    public static final int MAX_HOPS = 4;

    private final StandardsLibrary library;
    private final MappingGraph graph;

    public CoverageEngine(StandardsLibrary library) {
        this.library = library;
        this.graph = library.mappingGraph();
    }

    /** Every inference that the results allow, for every requirement they reach in any catalog. */
    public Inferences infer(AssessmentResults results) {
        results.checkAgainst(library);
        Map<RequirementRef, List<Inference>> reached = new HashMap<>();
        for (RequirementResult result : results.results()) {
            RequirementRef origin = new RequirementRef(results.catalog(), result.requirement());
            CoverageStatus start = switch (result.verdict()) {
                case PASS -> CoverageStatus.MET;
                case FAIL -> CoverageStatus.NOT_MET;
                case NOT_APPLICABLE -> CoverageStatus.NOT_APPLICABLE;
                case NOT_ASSESSED -> CoverageStatus.UNKNOWN;
            };
            reached.computeIfAbsent(origin, k -> new ArrayList<>())
                    .add(new Inference(origin, result.verdict(), List.of(), start));
            if (start == CoverageStatus.MET || start == CoverageStatus.NOT_MET) {
                Set<String> visitedCatalogs = new HashSet<>();
                visitedCatalogs.add(origin.catalog());
                walk(origin, result.verdict(), origin, start, new ArrayDeque<>(), visitedCatalogs, reached);
            }
        }
        return new Inferences(results, reached);
    }

    private void walk(RequirementRef origin, Verdict verdict, RequirementRef at, CoverageStatus status,
                      Deque<Step> chain, Set<String> visitedCatalogs, Map<RequirementRef, List<Inference>> reached) {
        if (chain.size() == MAX_HOPS) {
            return;
        }
        for (MappingGraph.Edge edge : graph.edgesFrom(at)) {
            if (visitedCatalogs.contains(edge.to().catalog())) {
                continue;
            }
            Optional<CoverageStatus> next = carry(status, edge.relationship());
            if (next.isEmpty()) {
                continue;
            }
            chain.addLast(Step.of(edge));
            reached.computeIfAbsent(edge.to(), k -> new ArrayList<>())
                    .add(new Inference(origin, verdict, List.copyOf(chain), next.get()));
            visitedCatalogs.add(edge.to().catalog());
            walk(origin, verdict, edge.to(), next.get(), chain, visitedCatalogs, reached);
            visitedCatalogs.remove(edge.to().catalog());
            chain.removeLast();
        }
    }

    /** What one mapping step makes of a status, or nothing when the step carries no information. */
    static Optional<CoverageStatus> carry(CoverageStatus status, Relationship relationship) {
        return switch (status) {
            case MET -> Optional.of(relationship.sourceCoversTarget() ? CoverageStatus.MET : CoverageStatus.PARTIALLY_MET);
            case PARTIALLY_MET -> relationship.targetContainsSource()
                    ? Optional.of(CoverageStatus.PARTIALLY_MET) : Optional.empty();
            case NOT_MET -> relationship.targetContainsSource()
                    ? Optional.of(CoverageStatus.NOT_MET) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Coverage of every requirement of {@code catalogId}. */
    public CatalogCoverage toCatalog(AssessmentResults results, String catalogId) {
        return infer(results).forCatalog(library.requireCatalog(catalogId));
    }

    /** Coverage of a scheme level. */
    public LevelCoverage toLevel(AssessmentResults results, LevelRef level) {
        return infer(results).forLevel(level);
    }

    /** All inferences from one set of results; views per catalog or level are cheap lookups. */
    public final class Inferences {
        private final AssessmentResults results;
        private final Map<RequirementRef, List<Inference>> reached;

        private Inferences(AssessmentResults results, Map<RequirementRef, List<Inference>> reached) {
            this.results = results;
            this.reached = reached;
        }

        public AssessmentResults results() {
            return results;
        }

        public RequirementCoverage coverageOf(RequirementRef target) {
            List<Inference> candidates = reached.get(target);
            if (candidates == null || candidates.isEmpty()) {
                return RequirementCoverage.unknown(target);
            }
            // A direct result on the target itself always decides.
            for (Inference inference : candidates) {
                if (inference.chain().isEmpty()) {
                    return new RequirementCoverage(target, inference.status(), Optional.of(inference), List.of());
                }
            }
            Inference best = candidates.stream().min(PREFERENCE).orElseThrow();
            List<Inference> conflicting = candidates.stream()
                    .filter(i -> contradicts(i.status(), best.status()))
                    .sorted(PREFERENCE)
                    .toList();
            return new RequirementCoverage(target, best.status(), Optional.of(best), conflicting);
        }

        public CatalogCoverage forCatalog(Catalog catalog) {
            List<RequirementCoverage> coverage = new ArrayList<>();
            for (Requirement r : catalog.requirements()) {
                coverage.add(coverageOf(new RequirementRef(catalog.id(), r.id())));
            }
            return new CatalogCoverage(catalog.id(), coverage);
        }

        public LevelCoverage forLevel(LevelRef level) {
            List<RecognitionRoute> routes = library.recognitions().stream()
                    .filter(r -> r.recognizerLevel().equals(level))
                    .map(r -> new RecognitionRoute(r, requirementsOf(r.recognizedLevel()).status()))
                    .toList();
            LevelCoverage own = requirementsOf(level);
            return new LevelCoverage(level, own.status(), own.requirements(), own.unknownParts(), routes);
        }

        private LevelCoverage requirementsOf(LevelRef level) {
            StandardsLibrary.LevelRequirements required = library.levelRequirements(level);
            List<RequirementCoverage> coverage = required.requirements().stream().map(this::coverageOf).toList();
            return new LevelCoverage(level, LevelCoverage.overall(coverage, required.unknownParts()), coverage,
                    required.unknownParts(), List.of());
        }
    }

    private static boolean contradicts(CoverageStatus a, CoverageStatus b) {
        boolean aPositive = a == CoverageStatus.MET || a == CoverageStatus.PARTIALLY_MET;
        boolean bPositive = b == CoverageStatus.MET || b == CoverageStatus.PARTIALLY_MET;
        return (aPositive && b == CoverageStatus.NOT_MET) || (bPositive && a == CoverageStatus.NOT_MET);
    }

    private static int strength(CoverageStatus status) {
        return switch (status) {
            case NOT_MET -> 0;
            case MET -> 1;
            case PARTIALLY_MET -> 2;
            default -> 3;
        };
    }

    private static final Comparator<Inference> PREFERENCE = Comparator
            .comparingInt((Inference i) -> strength(i.status()))
            .thenComparingInt(i -> i.chain().size())
            .thenComparing(i -> !i.onlyPublishedMappings())
            .thenComparingInt(i -> i.weakestConfidence().ordinal())
            .thenComparing(Inference::describe);
}
