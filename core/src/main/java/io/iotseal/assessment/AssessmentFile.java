package io.iotseal.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.iotseal.applicability.ProductProfile;
import io.iotseal.catalog.Checks;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assessment kept in a local file (format {@code iotseal-assessment/1}) so that a vendor can work
 * offline with the CLI and submit later: the product, the target, the declared features and
 * conditions, and one entry per requirement ({@code catalog#id}) with verdict and justification.
 */
@JsonPropertyOrder({"format", "product", "version", "target", "features", "conditions", "answers"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentFile(String format, String product, String version, String target,
                             Map<String, Boolean> features, Map<String, Boolean> conditions, List<Entry> answers) {
    public static final String FORMAT = "iotseal-assessment/1";

    /** One requirement's answer in the file. */
    @JsonPropertyOrder({"requirement", "verdict", "justification"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String requirement, Verdict verdict, String justification) {
        @JsonCreator
        public Entry(@JsonProperty("requirement") String requirement, @JsonProperty("verdict") Verdict verdict,
                     @JsonProperty("justification") String justification) {
            this.requirement = Checks.required(requirement, "requirement");
            this.verdict = verdict == null ? Verdict.NOT_ASSESSED : verdict;
            this.justification = justification == null || justification.isBlank() ? null : justification.strip();
        }
    }

    @JsonCreator
    public AssessmentFile(@JsonProperty("format") String format, @JsonProperty("product") String product,
                          @JsonProperty("version") String version, @JsonProperty("target") String target,
                          @JsonProperty("features") Map<String, Boolean> features,
                          @JsonProperty("conditions") Map<String, Boolean> conditions,
                          @JsonProperty("answers") List<Entry> answers) {
        Checks.format(FORMAT, format);
        this.format = FORMAT;
        this.product = product;
        this.version = version;
        this.target = Checks.required(target, "target");
        this.features = features == null ? Map.of() : new LinkedHashMap<>(features);
        this.conditions = conditions == null ? Map.of() : new LinkedHashMap<>(conditions);
        this.answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** A new file with every requirement of the target listed, none answered yet. */
    public static AssessmentFile start(AssessmentScope scope, String product, String version, ProductProfile profile) {
        List<Entry> entries = new ArrayList<>();
        for (ScopedRequirement r : scope.requirements()) {
            entries.add(new Entry(r.requirement().toString(), Verdict.NOT_ASSESSED, r.needsAnswer() ? null
                    : "Does not apply: " + String.join("; ", r.reasons())));
        }
        return new AssessmentFile(FORMAT, product, version, scope.target().text(), profile.features(),
                profile.conditions(), entries);
    }

    public ProductProfile profile() {
        return new ProductProfile(product, features, conditions);
    }

    /**
     * The answers checked against the scope: every requirement must belong to the target, appear once
     * and, if not applicable, say why. Problems name the entry ({@code answers[3].requirement}).
     */
    public Map<RequirementRef, Answer> answersIn(AssessmentScope scope) {
        Map<RequirementRef, Answer> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Entry e = answers.get(i);
            RequirementRef ref;
            try {
                ref = RequirementRef.parse(e.requirement());
            } catch (IllegalArgumentException bad) {
                problems.add("answers[" + i + "].requirement: " + bad.getMessage());
                continue;
            }
            if (!scope.contains(ref)) {
                problems.add("answers[" + i + "].requirement: '" + e.requirement() + "' is not a requirement of "
                        + target);
            } else if (out.containsKey(ref)) {
                problems.add("answers[" + i + "].requirement: " + ref + " appears twice");
            } else if (e.verdict() == Verdict.NOT_APPLICABLE && e.justification() == null) {
                problems.add("answers[" + i + "].justification: required when the verdict is not-applicable");
            } else {
                out.put(ref, new Answer(ref, e.verdict(), e.justification(), List.of(), null));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return out;
    }

    /** The file with one requirement's answer set (added at the end if it was not listed). */
    public AssessmentFile with(String requirement, Verdict verdict, String justification) {
        List<Entry> next = new ArrayList<>();
        boolean found = false;
        for (Entry e : answers) {
            if (e.requirement().equals(requirement)) {
                next.add(new Entry(requirement, verdict, justification));
                found = true;
            } else {
                next.add(e);
            }
        }
        if (!found) {
            next.add(new Entry(requirement, verdict, justification));
        }
        return new AssessmentFile(format, product, version, target, features, conditions, next);
    }
}
