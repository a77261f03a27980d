package io.iotseal.server.survey.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.oscal.AssessmentResultsWriter;
import io.iotseal.oscal.OscalIds;
import io.iotseal.server.survey.owner.SurveyData;

import java.util.List;

/**
 * One surveyed device's observation as an OSCAL 1.1.3 assessment-results document (issue 18 item 5, ADR 0106),
 * through the core's {@link AssessmentResultsWriter} as the probe's report does: the device is the inventory item,
 * each finding an observation, and each PASS, FAIL or INCONCLUSIVE finding with a requirement an OSCAL finding on
 * it. The campaign's legal basis, its signed-off scope's SHA-256 and who signed it off are metadata props, so the
 * document says under what authority the device was probed. UUIDs are derived from the campaign and address, so
 * the same observation gives the same document.
 */
final class DeviceResults {

    private static final String NS = OscalIds.NS;

    private DeviceResults() {
    }

    static ObjectNode document(SurveyData.Campaign c, SurveyData.Observation o) {
        String base = "survey/" + c.id() + "/" + o.address();
        AssessmentResultsWriter w = new AssessmentResultsWriter(OscalIds.uuid(base), "IoTSeal survey results for "
                + o.address() + " (" + c.id() + ")", "survey-" + c.id(), o.finishedAt().toInstant(),
                "#iotseal-survey-" + c.id(), "A survey campaign has a signed-off scope, not an assessment plan;"
                        + " its SHA-256 is the scope-sha256 prop.");
        w.metadataProp("survey-campaign", c.id());
        w.metadataProp("scope-sha256", c.scopeSha256());
        w.metadataProp("legal-basis", oneLine(c.legalBasis()));
        w.metadataProp("signed-off-by", oneLine(c.signedOffBy()));
        w.result(OscalIds.uuid(base + "/result"), oneLine(c.title()), "Network checks of " + o.address()
                        + " in survey campaign " + c.id() + ", within its signed-off scope. Credentials in summaries"
                        + " are redacted.", o.observedAt().toInstant(), o.finishedAt().toInstant());
        w.reviewedControls(null, null);
        String item = OscalIds.uuid(base + "/device");
        ObjectNode device = w.inventoryItem(item, "Device at " + o.address());
        device.putArray("props").addObject().put("name", o.address().contains(":") ? "ipv6-address" : "ipv4-address")
                .put("value", o.address());
        if (!o.reached()) {
            ObjectNode obs = w.observation(OscalIds.uuid(base + "/not-reached"), "not reached: " + o.address(),
                    o.optedOut() ? "Opted out: no packet was sent." : nonEmpty(o.reachability(), "not reached"));
            prop(obs.putArray("props"), "reachability", o.optedOut() ? "opted-out" : "not-reached");
            subject(obs, item, null);
            AssessmentResultsWriter.collected(obs, o.finishedAt().toInstant());
            return w.document();
        }
        int i = 0;
        for (SurveyData.Finding f : o.findings()) {
            i++;
            String location = f.port() == null ? o.address() : o.address() + ":" + f.port() + (f.service().isEmpty()
                    ? "" : " (" + f.service() + ")");
            String obsUuid = OscalIds.uuid(base + "/observation/" + i);
            ObjectNode obs = w.observation(obsUuid, f.check() + " on " + location, nonEmpty(f.summary(), f.check()));
            ArrayNode props = obs.putArray("props");
            prop(props, "check-id", f.check());
            prop(props, "verdict", f.verdict());
            subject(obs, item, location);
            AssessmentResultsWriter.collected(obs, o.finishedAt().toInstant());
            if (!f.requirements().isEmpty() && List.of("PASS", "FAIL", "INCONCLUSIVE").contains(f.verdict())) {
                finding(w.finding(OscalIds.uuid(base + "/finding/" + i), f.check() + ": " + f.verdict() + " on "
                        + location, nonEmpty(f.summary(), f.check())), obsUuid, f);
            }
        }
        return w.document();
    }

    private static void finding(ObjectNode fn, String observation, SurveyData.Finding f) {
        ArrayNode props = fn.putArray("props");
        prop(props, "check-id", f.check());
        prop(props, "verdict", f.verdict());
        f.requirements().forEach(r -> prop(props, "requirement", r));
        // "catalog:requirement" as the observation format writes it; the target is the first requirement.
        String first = f.requirements().getFirst();
        int colon = first.indexOf(':');
        ObjectNode target = fn.putObject("target");
        target.put("type", "statement-id");
        target.put("target-id", OscalIds.token(colon > 0 ? first.substring(colon + 1) : first));
        if (colon > 0) {
            prop(target.putArray("props"), "catalog", first.substring(0, colon));
        }
        ObjectNode status = target.putObject("status");
        switch (f.verdict()) {
            case "PASS" -> status.put("state", "satisfied").put("reason", "pass");
            case "FAIL" -> status.put("state", "not-satisfied").put("reason", "fail");
            default -> {
                // OSCAL has no "undetermined" state: an inconclusive check cannot show the objective satisfied.
                status.put("state", "not-satisfied").put("reason", "other");
                target.put("remarks", "Inconclusive: the probe could not decide; see the related observation.");
            }
        }
        fn.putArray("related-observations").addObject().put("observation-uuid", observation);
    }

    private static void subject(ObjectNode obs, String item, String title) {
        obs.putArray("methods").add("TEST");
        obs.putArray("types").add("finding");
        ObjectNode subject = obs.putArray("subjects").addObject();
        subject.put("subject-uuid", item);
        subject.put("type", "inventory-item");
        if (title != null) {
            subject.put("title", title);
        }
    }

    private static void prop(ArrayNode props, String name, String value) {
        String v = oneLine(value);
        if (!v.isEmpty()) {
            props.addObject().put("name", name).put("ns", NS).put("value", v);
        }
    }

    /** OSCAL prop values are one token-ish line: no leading, trailing or repeated white space. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String nonEmpty(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text;
    }
}
