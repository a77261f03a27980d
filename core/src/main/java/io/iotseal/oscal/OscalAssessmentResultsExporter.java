package io.iotseal.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.assessment.Answer;
import io.iotseal.assessment.AssessmentSnapshot;
import io.iotseal.assessment.LabTestCase;
import io.iotseal.assessment.ScopedRequirement;
import io.iotseal.coverage.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An assessment as an OSCAL 1.1.3 assessment-results document (written by {@link AssessmentResultsWriter}):
 * one result whose reviewed controls are the requirements in scope, one observation and one finding per answered requirement. Pass and
 * not applicable are "satisfied" (not applicable with implementation status "not-applicable"), fail
 * is "not-satisfied"; unanswered requirements have no finding, which OSCAL reads as "not assessed".
 * UUIDs are name-based so that exporting the same assessment twice gives the same document.
 */
public final class OscalAssessmentResultsExporter {

    public static final String OSCAL_VERSION = AssessmentResultsWriter.OSCAL_VERSION;

    private OscalAssessmentResultsExporter() {
    }

    public static ObjectNode export(AssessmentSnapshot a, String planHref) {
        String scope = "assessment/" + a.id();
        AssessmentResultsWriter w = new AssessmentResultsWriter(OscalIds.uuid(scope + "/results/" + a.lastModified()),
                "Assessment results: " + a.product() + " " + a.productVersion() + " against " + a.scope().target(),
                "state-" + a.state().code(), a.lastModified(), planHref,
                "IoTSeal keeps the plan in the assessment record itself: its target, the product's"
                        + " declared features and the applicability of each requirement.")
                .metadataProp("assessment-id", a.id())
                .metadataProp("assessment-state", a.state().code())
                .metadataProp("assessment-route", a.scope().route().code());
        w.result(OscalIds.uuid(scope + "/result"), "Conformity assessment against " + a.scope().target(),
                "Vendor " + a.vendor() + ", product " + a.product() + ", version " + a.productVersion() + "; route "
                        + a.scope().route().code() + ", state " + a.state().code() + ".",
                a.started(), a.state().isFinal() ? a.lastModified() : null);
        w.reviewedControls("Every requirement of " + a.scope().target() + " with its applicability",
                a.scope().requirements().stream().map(OscalAssessmentResultsExporter::controlId).toList());

        // The lab's test cases first, so that each finding can point at those of its requirement.
        Map<String, List<String>> testObservations = new HashMap<>();
        for (LabTestCase t : a.testCases()) {
            String uuid = OscalIds.uuid(scope + "/test-case/" + t.testId());
            testObservations.computeIfAbsent(t.requirement().toString(), k -> new ArrayList<>()).add(uuid);
            ObjectNode obs = w.observation(uuid, "Test case " + t.testId() + " (" + t.requirement() + ")",
                    (t.description() == null ? "" : t.description() + " ")
                            + (t.result() == null ? "" : "Result: " + t.result()) + " Verdict: " + t.verdict() + ".");
            obs.putArray("props").add(OscalJson.prop("test-id", t.testId()))
                    .add(OscalJson.prop("test-verdict", t.verdict()))
                    .add(OscalJson.prop("assessment-kind", t.functional() ? "functional" : "conceptual"))
                    .add(OscalJson.prop("requirement", t.requirement().toString()));
            // TS 103 701: a functional assessment tests the device, a conceptual one examines documents.
            obs.putArray("methods").add(t.functional() ? "TEST" : "EXAMINE");
            AssessmentResultsWriter.collected(obs, a.lastModified());
        }
        for (ScopedRequirement r : a.scope().requirements()) {
            Answer answer = a.answers().get(r.requirement());
            if (answer == null || answer.verdict() == Verdict.NOT_ASSESSED) {
                continue;
            }
            String key = scope + "/" + r.requirement();
            String observationUuid = OscalIds.uuid(key + "/observation");
            ObjectNode obs = w.observation(observationUuid, r.requirement().toString(), answer.justification() != null
                    ? answer.justification() : "Verdict " + answer.verdict().code() + " without a justification.");
            ArrayNode props = obs.putArray("props").add(OscalJson.prop("verdict", answer.verdict().code()))
                    .add(OscalJson.prop("catalog", r.requirement().catalog()));
            if (answer.prefilled()) {
                props.add(OscalJson.prop("prefilled-from", answer.provenance().description()));
                props.add(OscalJson.prop("prefill-confidence", answer.provenance().weakestConfidence().code()));
            }
            obs.putArray("methods").add(answer.prefilled() ? "UNKNOWN" : "EXAMINE");
            if (!answer.evidence().isEmpty()) {
                ArrayNode evidence = obs.putArray("relevant-evidence");
                for (String sha : answer.evidence()) {
                    evidence.addObject().put("href", "#evidence-sha256-" + sha)
                            .put("description", "Evidence file, SHA-256 " + sha);
                }
            }
            AssessmentResultsWriter.collected(obs, a.lastModified());

            ObjectNode finding = w.finding(OscalIds.uuid(key + "/finding"),
                    r.requirement() + (r.title() == null ? "" : ": " + r.title()),
                    "Verdict " + answer.verdict().code() + " for " + r.requirement() + ".");
            ObjectNode target = finding.putObject("target");
            target.put("type", "statement-id");
            target.put("target-id", controlId(r) + "_smt");
            boolean satisfied = answer.verdict() != Verdict.FAIL;
            target.putObject("status").put("state", satisfied ? "satisfied" : "not-satisfied")
                    .put("reason", answer.verdict() == Verdict.PASS ? "pass"
                            : answer.verdict() == Verdict.FAIL ? "fail" : "other");
            if (answer.verdict() == Verdict.NOT_APPLICABLE) {
                target.putObject("implementation-status").put("state", "not-applicable");
            }
            ArrayNode related = finding.putArray("related-observations");
            related.addObject().put("observation-uuid", observationUuid);
            testObservations.getOrDefault(r.requirement().toString(), List.of())
                    .forEach(u -> related.addObject().put("observation-uuid", u));
        }
        return w.document();
    }

    /** The control id of a requirement as the catalog exporter writes it (the catalog is a property). */
    static String controlId(ScopedRequirement r) {
        return OscalIds.token(r.requirement().requirement());
    }
}
