package io.iotseal.assessment;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.AssessmentResults;
import io.iotseal.coverage.CoverageEngine;
import io.iotseal.coverage.CoverageStatus;
import io.iotseal.coverage.RequirementCoverage;
import io.iotseal.coverage.Verdict;
import io.iotseal.library.StandardsLibrary;

import io.iotseal.coverage.RequirementResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Assess once, comply many" (ADR 0042): answers for one assessment inferred from the verdicts of a
 * finished one through the coverage engine. Only a clear inference becomes an answer — met gives
 * pass, not met gives fail; partially met and unknown stay unanswered and come back as hints, since
 * a person must look. An answer a person gave is never replaced; an earlier prefilled one may be.
 */
public final class Prefill {

    /** What prefill proposes: answers to store, and hints for the requirements it could not decide. */
    public record Result(List<Answer> answers, List<Hint> hints, List<RequirementRef> keptPersonAnswers) {
        public Result {
            answers = List.copyOf(answers);
            hints = List.copyOf(hints);
            keptPersonAnswers = List.copyOf(keptPersonAnswers);
        }
    }

    /** A requirement prefill could not decide, with what the coverage engine knows about it. */
    public record Hint(RequirementRef requirement, CoverageStatus status, Provenance provenance) {
    }

    private Prefill() {
    }

    /**
     * {@code sources} are the finished assessment's verdicts, one {@link AssessmentResults} per catalog
     * it covers (see {@link #resultsOf}); the first that decides a requirement clearly wins.
     */
    public static Result from(StandardsLibrary library, String sourceAssessment, List<AssessmentResults> sources,
                              AssessmentScope scope, Map<RequirementRef, Answer> current) {
        CoverageEngine engine = new CoverageEngine(library);
        List<CoverageEngine.Inferences> inferences = sources.stream().map(engine::infer).toList();
        List<Answer> answers = new ArrayList<>();
        List<Hint> hints = new ArrayList<>();
        List<RequirementRef> kept = new ArrayList<>();
        for (ScopedRequirement r : scope.requirements()) {
            RequirementCoverage coverage = decide(inferences, r.requirement());
            Provenance provenance = coverage.decidedBy().map(i -> Provenance.of(sourceAssessment, i)).orElse(null);
            // Chains that disagree mean a crosswalk needs a person's eye: a hint, not an answer.
            Verdict verdict = !coverage.conflicting().isEmpty() ? null : switch (coverage.status()) {
                case MET -> Verdict.PASS;
                case NOT_MET -> Verdict.FAIL;
                default -> null;
            };
            if (verdict == null) {
                hints.add(new Hint(r.requirement(), coverage.status(), provenance));
                continue;
            }
            Answer existing = current.get(r.requirement());
            if (existing != null && existing.givenByPerson()) {
                kept.add(r.requirement());
                continue;
            }
            String why = "Prefilled from " + provenance.description() + " (weakest confidence "
                    + provenance.weakestConfidence().code() + ")";
            answers.add(new Answer(r.requirement(), verdict, why, List.of(), provenance));
        }
        return new Result(answers, hints, kept);
    }

    private static RequirementCoverage decide(List<CoverageEngine.Inferences> inferences, RequirementRef target) {
        RequirementCoverage fallback = null;
        for (CoverageEngine.Inferences i : inferences) {
            RequirementCoverage c = i.coverageOf(target);
            if (c.status() == CoverageStatus.MET || c.status() == CoverageStatus.NOT_MET) {
                return c;
            }
            if (fallback == null || fallback.status() == CoverageStatus.UNKNOWN) {
                fallback = c;
            }
        }
        return fallback != null ? fallback : new RequirementCoverage(target, CoverageStatus.UNKNOWN,
                java.util.Optional.empty(), List.of());
    }

    /** An assessment's answers as coverage input: one set of results per catalog, unanswered left out. */
    public static List<AssessmentResults> resultsOf(String product, Collection<Answer> answers) {
        Map<String, List<RequirementResult>> byCatalog = new LinkedHashMap<>();
        for (Answer a : answers) {
            if (a.verdict() == Verdict.NOT_ASSESSED) {
                continue;
            }
            String why = a.justification() == null ? "" : a.justification();
            byCatalog.computeIfAbsent(a.requirement().catalog(), k -> new ArrayList<>())
                    .add(new RequirementResult(a.requirement().requirement(), a.verdict(),
                            a.verdict() == Verdict.NOT_APPLICABLE && why.isBlank() ? "not applicable" : why));
        }
        List<AssessmentResults> out = new ArrayList<>();
        byCatalog.forEach((catalog, results) -> out.add(new AssessmentResults(product, catalog, results)));
        return out;
    }
}
