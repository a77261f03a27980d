package io.iotseal.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.assessment.Answer;
import io.iotseal.assessment.AssessmentSnapshot;
import io.iotseal.assessment.LabTestCase;
import io.iotseal.assessment.ScopedRequirement;
import io.iotseal.coverage.Verdict;

/**
 * An assessment as an OSCAL 1.1.3 assessment-results document: one result whose reviewed controls
 * are the requirements in scope, one observation and one finding per answered requirement. Pass and
 * not applicable are "satisfied" (not applicable with implementation status "not-applicable"), fail
 * is "not-satisfied"; unanswered requirements have no finding, which OSCAL reads as "not assessed".
 * UUIDs are name-based so that exporting the same assessment twice gives the same document.
 */
public final class OscalAssessmentResultsExporter {

    public static final String OSCAL_VERSION = OscalCatalogExporter.OSCAL_VERSION;

    private OscalAssessmentResultsExporter() {
    }

    public static ObjectNode export(AssessmentSnapshot a, String planHref) {
        String scope = "assessment/" + a.id();
        ObjectNode doc = OscalJson.object();
        ObjectNode ar = doc.putObject("assessment-results");
        ar.put("uuid", OscalIds.uuid(scope + "/results/" + a.lastModified()));
        ObjectNode metadata = OscalJson.metadata("Assessment results: " + a.product() + " " + a.productVersion()
                + " against " + a.scope().target(), "state-" + a.state().code(), OSCAL_VERSION, a.lastModified());
        metadata.putArray("props")
                .add(OscalJson.prop("assessment-id", a.id()))
                .add(OscalJson.prop("assessment-state", a.state().code()))
                .add(OscalJson.prop("assessment-route", a.scope().route().code()));
        ar.set("metadata", metadata);
        ar.putObject("import-ap").put("href", planHref)
                .put("remarks", "IoTSeal keeps the plan in the assessment record itself: its target, the product's"
                        + " declared features and the applicability of each requirement.");

        ObjectNode result = ar.putArray("results").addObject();
        result.put("uuid", OscalIds.uuid(scope + "/result"));
        result.put("title", "Conformity assessment against " + a.scope().target());
        result.put("description", "Vendor " + a.vendor() + ", product " + a.product() + ", version "
                + a.productVersion() + "; route " + a.scope().route().code() + ", state " + a.state().code() + ".");
        result.put("start", OscalJson.timestamp(a.started()));
        if (a.state().isFinal()) {
            result.put("end", OscalJson.timestamp(a.lastModified()));
        }
        ArrayNode include = OscalJson.array();
        for (ScopedRequirement r : a.scope().requirements()) {
            include.add(OscalJson.object().put("control-id", controlId(r)));
        }
        ObjectNode selection = OscalJson.object();
        selection.put("description", "Every requirement of " + a.scope().target() + " with its applicability");
        selection.set("include-controls", include);
        result.putObject("reviewed-controls").putArray("control-selections").add(selection);

        ArrayNode observations = OscalJson.array();
        ArrayNode findings = OscalJson.array();
        // The lab's test cases first, so that each finding can point at those of its requirement.
        java.util.Map<String, java.util.List<String>> testObservations = new java.util.HashMap<>();
        for (LabTestCase t : a.testCases()) {
            String uuid = OscalIds.uuid(scope + "/test-case/" + t.testId());
            testObservations.computeIfAbsent(t.requirement().toString(), k -> new java.util.ArrayList<>()).add(uuid);
            ObjectNode obs = observations.addObject();
            obs.put("uuid", uuid);
            obs.put("title", "Test case " + t.testId() + " (" + t.requirement() + ")");
            obs.put("description", (t.description() == null ? "" : t.description() + " ")
                    + (t.result() == null ? "" : "Result: " + t.result()) + " Verdict: " + t.verdict() + ".");
            obs.putArray("props").add(OscalJson.prop("test-id", t.testId()))
                    .add(OscalJson.prop("test-verdict", t.verdict()))
                    .add(OscalJson.prop("assessment-kind", t.functional() ? "functional" : "conceptual"))
                    .add(OscalJson.prop("requirement", t.requirement().toString()));
            // TS 103 701: a functional assessment tests the device, a conceptual one examines documents.
            obs.putArray("methods").add(t.functional() ? "TEST" : "EXAMINE");
            obs.put("collected", OscalJson.timestamp(a.lastModified()));
        }
        for (ScopedRequirement r : a.scope().requirements()) {
            Answer answer = a.answers().get(r.requirement());
            if (answer == null || answer.verdict() == Verdict.NOT_ASSESSED) {
                continue;
            }
            String key = scope + "/" + r.requirement();
            String observationUuid = OscalIds.uuid(key + "/observation");
            ObjectNode obs = observations.addObject();
            obs.put("uuid", observationUuid);
            obs.put("title", r.requirement().toString());
            obs.put("description", answer.justification() != null ? answer.justification()
                    : "Verdict " + answer.verdict().code() + " without a justification.");
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
            obs.put("collected", OscalJson.timestamp(a.lastModified()));

            ObjectNode finding = findings.addObject();
            finding.put("uuid", OscalIds.uuid(key + "/finding"));
            finding.put("title", r.requirement() + (r.title() == null ? "" : ": " + r.title()));
            finding.put("description", "Verdict " + answer.verdict().code() + " for " + r.requirement() + ".");
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
            testObservations.getOrDefault(r.requirement().toString(), java.util.List.of())
                    .forEach(u -> related.addObject().put("observation-uuid", u));
        }
        if (!observations.isEmpty()) {
            result.set("observations", observations);
            result.set("findings", findings);
        }
        return doc;
    }

    /** The control id of a requirement as the catalog exporter writes it (the catalog is a property). */
    static String controlId(ScopedRequirement r) {
        return OscalIds.token(r.requirement().requirement());
    }
}
