package io.iotseal.assessment;

import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.CoverageStatus;
import io.iotseal.coverage.Verdict;
import io.iotseal.scheme.Recognition;
import io.iotseal.scheme.RecognitionEffect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recognition route (ADR 0062): a recognized conformity answers the criteria its recognition
 * waives (JC-STAR ★1's S1.1-02, -05 and -16 for a UK PSTI-compliant product). Each such answer is a
 * pass that says so — provenance names the recognition and the supporting document — never a verdict
 * someone gave here. As with prefill, an answer a person gave is kept.
 */
public final class RecognitionWaiver {

    private RecognitionWaiver() {
    }

    /**
     * The answers {@code recognition} gives in {@code scope}, on {@code on}, shown by the attached
     * document {@code documentSha256}. Refuses (IllegalArgumentException, message starting with the
     * field "recognition:") a recognition that waives nothing, belongs to another level or is not yet
     * in force.
     */
    public static Prefill.Result apply(Recognition recognition, AssessmentScope scope, LocalDate on,
                                       String documentSha256, Map<RequirementRef, Answer> current) {
        if (recognition.effect() != RecognitionEffect.WAIVES_REQUIREMENTS) {
            throw new IllegalArgumentException("recognition: " + recognition.id() + " is " + recognition.effect().code()
                    + "; only a recognition that waives requirements answers criteria");
        }
        if (!scope.target().isLevel() || !scope.target().level().equals(recognition.recognizerLevel())) {
            throw new IllegalArgumentException("recognition: " + recognition.id() + " waives criteria of "
                    + recognition.recognizer() + ", not of this assessment's " + scope.target());
        }
        if (!recognition.inForceOn(on)) {
            throw new IllegalArgumentException("recognition: " + recognition.id() + " takes effect on "
                    + recognition.effective());
        }
        String why = "Waived by recognition " + recognition.id() + ": " + recognition.recognizer() + " accepts "
                + recognition.recognized() + " conformity for this criterion, shown by the "
                + recognition.supportingDocument().en() + " (evidence sha256 " + documentSha256 + ")";
        Provenance provenance = new Provenance(null, null, null, List.of(), recognition.confidence(),
                CoverageStatus.MET, why, recognition.id(), documentSha256);
        List<Answer> answers = new ArrayList<>();
        List<RequirementRef> kept = new ArrayList<>();
        for (ScopedRequirement r : scope.requirements()) {
            RequirementRef ref = r.requirement();
            if (!recognition.waives(ref.catalog(), ref.requirement())) {
                continue;
            }
            Answer existing = current.get(ref);
            if (existing != null && existing.givenByPerson()) {
                kept.add(ref);
                continue;
            }
            answers.add(new Answer(ref, Verdict.PASS, why, List.of(), provenance));
        }
        return new Prefill.Result(answers, List.of(), kept);
    }
}
