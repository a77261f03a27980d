package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.oscal.AssessmentResultsWriter;
import io.iotseal.oscal.OscalIds;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.catalog.RequirementRef;

import java.util.UUID;

/**
 * Writes probe results as an OSCAL 1.1.3 assessment-results document (through the core's
 * {@link AssessmentResultsWriter}, the one writer of that format), so an assessment can attach them as
 * evidence. Each device is an inventory item (the subject); each finding becomes one observation (what
 * was tested, with the redacted exchanges as evidence) and, unless not applicable, one OSCAL finding whose
 * target is the first mapped requirement and whose props list every mapped requirement (see ADR 0013).
 */
public final class OscalResults {
    public static final String OSCAL_VERSION = AssessmentResultsWriter.OSCAL_VERSION;
    /** Namespace of IoTSeal's own props, shared with the core's OSCAL exports. */
    public static final String NS = OscalIds.NS;
    /** Used when the caller names no assessment plan: a fragment that resolves to nothing in particular. */
    public static final String NO_PLAN = "#iotseal-probe-without-assessment-plan";

    private final ObjectMapper mapper = Json.mapper();

    /**
     * @param assessmentPlanHref where the assessment plan these results belong to lives (a URI reference)
     */
    public ObjectNode document(CampaignResult result, String assessmentPlanHref) {
        AssessmentResultsWriter w = new AssessmentResultsWriter(uuid(), "IoTSeal device probe results",
                "probe-mapping-v" + result.mappingVersion(), result.finished(), assessmentPlanHref,
                NO_PLAN.equals(assessmentPlanHref)
                        ? "The probe ran without an assessment plan; point href at the plan when attaching these results."
                        : null);
        RunFacts facts = result.facts();
        w.metadataProp("tool", facts.tool());
        w.metadataProp("tool-version", facts.toolVersion());
        w.metadataProp("authorization", facts.authorization().isEmpty()
                ? "none required: loopback, private or documentation addresses, at most 16 hosts" : facts.authorization());
        for (var list : facts.credentialLists()) {
            w.metadataProp("credential-list", list.name() + " version " + list.version() + " sha256 " + list.sha256()
                    + " (" + list.entries() + " pairs)");
        }
        facts.settings().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> w.metadataProp("setting", e.getKey() + "=" + e.getValue()));
        if (!facts.overrides().isEmpty()) {
            w.metadataProp("assessor-overrides", facts.overrides());
        }
        w.result(uuid(), "Automated network checks of " + result.devices().size() + " device(s)",
                "Port inventory, service identification, default credentials, anonymous access, "
                        + "cleartext management, TLS, brute-force resistance, UPnP/SSDP exposure and information disclosure, "
                        + "tested over the network by the IoTSeal device probe. Credentials in evidence are redacted.",
                result.started(), result.finished());
        w.reviewedControls(null, null);
        for (DeviceReport device : result.devices()) {
            String itemUuid = uuid();
            ObjectNode item = w.inventoryItem(itemUuid, "Device under test " + device.target());
            prop(item.putArray("props"), null, device.address().contains(":") ? "ipv6-address" : "ipv4-address",
                    device.address(), null);
            if (!device.reached()) {
                // Not reached: one observation saying so, and no finding, since nothing was observed.
                ObjectNode o = w.observation(uuid(), "not reached: " + device.target(), device.reachability().detail());
                prop(o.putArray("props"), NS, "reachability", "not-reached", null);
                o.putArray("methods").add("TEST");
                o.putArray("types").add("finding");
                ObjectNode subject = o.putArray("subjects").addObject();
                subject.put("subject-uuid", itemUuid);
                subject.put("type", "inventory-item");
                AssessmentResultsWriter.collected(o, device.finished());
                continue;
            }
            for (Finding f : device.findings()) {
                String observationUuid = uuid();
                observation(w.observation(observationUuid, f.checkId() + " on " + f.location(), f.summary()),
                        itemUuid, device, f);
                if (f.verdict() != Verdict.NOT_APPLICABLE && !f.requirements().isEmpty()) {
                    finding(w.finding(uuid(), f.checkId() + ": " + f.verdict().label() + " on " + f.location(),
                            f.summary()), observationUuid, f);
                }
            }
        }
        return w.document();
    }

    public String json(CampaignResult result, String assessmentPlanHref) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document(result, assessmentPlanHref));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise OSCAL results", e);
        }
    }

    private static void observation(ObjectNode o, String subjectUuid, DeviceReport device, Finding f) {
        ArrayNode props = o.putArray("props");
        prop(props, NS, "check-id", f.checkId(), null);
        prop(props, NS, "verdict", f.verdict().label(), null);
        overrideProps(o, props, f);
        for (var t : f.testCases()) {
            prop(props, NS, "ts-103-701-test-case", t.id() + (t.verified() ? "" : " (unverified)"), null);
        }
        o.putArray("methods").add("TEST");
        o.putArray("types").add("finding");
        ObjectNode subject = o.putArray("subjects").addObject();
        subject.put("subject-uuid", subjectUuid);
        subject.put("type", "inventory-item");
        subject.put("title", f.location());
        ObjectNode evidence = o.putArray("relevant-evidence").addObject();
        evidence.put("description", evidenceText(f));
        AssessmentResultsWriter.collected(o, device.finished());
    }

    private static void finding(ObjectNode fn, String observationUuid, Finding f) {
        ArrayNode props = fn.putArray("props");
        prop(props, NS, "check-id", f.checkId(), null);
        prop(props, NS, "verdict", f.verdict().label(), null);
        overrideProps(fn, props, f);
        for (RequirementRef r : f.requirements()) {
            prop(props, NS, "requirement", r.requirement(), classToken(r.catalog()));
        }
        RequirementRef primary = f.requirements().getFirst();
        ObjectNode target = fn.putObject("target");
        target.put("type", "statement-id");
        target.put("target-id", OscalIds.token(primary.requirement()));
        prop(target.putArray("props"), NS, "catalog", primary.catalog(), null);
        ObjectNode status = target.putObject("status");
        switch (f.verdict()) {
            case PASS -> status.put("state", "satisfied").put("reason", "pass");
            case FAIL -> status.put("state", "not-satisfied").put("reason", "fail");
            default -> {
                // OSCAL has no "undetermined" state: an inconclusive test cannot show the objective satisfied.
                status.put("state", "not-satisfied").put("reason", "other");
                target.put("remarks", "Inconclusive: the probe could not decide; see the related observation.");
            }
        }
        fn.putArray("related-observations").addObject().put("observation-uuid", observationUuid);
    }

    /** An assessor's override: the probe's verdict as a prop, the justification as remarks (ADR 0077). */
    private static void overrideProps(ObjectNode node, ArrayNode props, Finding f) {
        if (f.override() == null) {
            return;
        }
        prop(props, NS, "probe-verdict", f.override().original().label(), null);
        node.put("remarks", "Verdict overridden by the assessor" + (f.override().assessor().isEmpty() ? ""
                : " " + f.override().assessor()) + " from " + f.override().original().label() + " to "
                + f.verdict().label() + ": " + f.override().justification());
    }

    private static String classToken(String catalogId) {
        String t = catalogId.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return Character.isLetter(t.charAt(0)) || t.charAt(0) == '_' ? t : "_" + t;
    }

    private static String evidenceText(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append("Location: ").append(f.location()).append("\n\n");
        if (f.evidence().isEmpty()) {
            sb.append("No network exchange recorded.");
            return sb.toString();
        }
        sb.append("```\n");
        for (Exchange e : f.evidence()) {
            if (!e.sent().isEmpty()) {
                sb.append("> ").append(e.sent().replace("\r", "").replace("\n", "\n> ")).append('\n');
            }
            if (!e.received().isEmpty()) {
                sb.append("< ").append(e.received().replace("\r", "").replace("\n", "\n< ")).append('\n');
            }
        }
        sb.append("```");
        return sb.toString().replace("```\n```", "```\n(empty)\n```");
    }

    private static void prop(ArrayNode props, String ns, String name, String value, String cls) {
        String v = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        if (v.isEmpty()) {
            return;
        }
        ObjectNode p = props.addObject();
        p.put("name", name);
        if (ns != null) {
            p.put("ns", ns);
        }
        p.put("value", v);
        if (cls != null) {
            p.put("class", cls);
        }
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
