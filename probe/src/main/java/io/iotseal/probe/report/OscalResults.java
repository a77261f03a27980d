package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.oscal.OscalIds;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.catalog.RequirementRef;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes probe results as an OSCAL 1.1.3 assessment-results document, so an assessment can attach them as
 * evidence. Each device is an inventory item (the subject); each finding becomes one observation (what
 * was tested, with the redacted exchanges as evidence) and, unless not applicable, one OSCAL finding whose
 * target is the first mapped requirement and whose props list every mapped requirement (see ADR 0013).
 */
public final class OscalResults {
    public static final String OSCAL_VERSION = "1.1.3";
    /** Namespace of IoTSeal's own props, shared with the core's OSCAL exports. */
    public static final String NS = OscalIds.NS;
    /** Used when the caller names no assessment plan: a fragment that resolves to nothing in particular. */
    public static final String NO_PLAN = "#iotseal-probe-without-assessment-plan";

    private final ObjectMapper mapper = Json.mapper();

    /**
     * @param assessmentPlanHref where the assessment plan these results belong to lives (a URI reference)
     */
    public ObjectNode document(CampaignResult result, String assessmentPlanHref) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode ar = root.putObject("assessment-results");
        ar.put("uuid", uuid());
        ObjectNode metadata = ar.putObject("metadata");
        metadata.put("title", "IoTSeal device probe results");
        metadata.put("last-modified", timestamp(result.finished()));
        metadata.put("version", "probe-mapping-v" + result.mappingVersion());
        metadata.put("oscal-version", OSCAL_VERSION);
        ObjectNode importAp = ar.putObject("import-ap");
        importAp.put("href", assessmentPlanHref);
        if (NO_PLAN.equals(assessmentPlanHref)) {
            importAp.put("remarks", "The probe ran without an assessment plan; point href at the plan when attaching these results.");
        }

        ObjectNode res = ar.putArray("results").addObject();
        res.put("uuid", uuid());
        res.put("title", "Automated network checks of " + result.devices().size() + " device(s)");
        res.put("description", "Port inventory, service identification, default credentials, anonymous access, "
                + "cleartext management, TLS, brute-force resistance, UPnP/SSDP exposure and information disclosure, "
                + "tested over the network by the IoTSeal device probe. Credentials in evidence are redacted.");
        res.put("start", timestamp(result.started()));
        res.put("end", timestamp(result.finished()));
        ArrayNode items = res.putObject("local-definitions").putArray("inventory-items");
        res.putObject("reviewed-controls").putArray("control-selections").addObject().putObject("include-all");
        ArrayNode observations = res.putArray("observations");
        ArrayNode findings = res.putArray("findings");

        Map<String, String> subjectByDevice = new LinkedHashMap<>();
        for (DeviceReport device : result.devices()) {
            String itemUuid = uuid();
            subjectByDevice.put(device.key(), itemUuid);
            ObjectNode item = items.addObject();
            item.put("uuid", itemUuid);
            item.put("description", "Device under test " + device.target());
            ArrayNode props = item.putArray("props");
            prop(props, null, device.address().contains(":") ? "ipv6-address" : "ipv4-address", device.address(), null);
            for (Finding f : device.findings()) {
                String observationUuid = uuid();
                observations.add(observation(observationUuid, itemUuid, device, f));
                if (f.verdict() != Verdict.NOT_APPLICABLE && !f.requirements().isEmpty()) {
                    findings.add(finding(observationUuid, f));
                }
            }
        }
        if (items.isEmpty()) {
            res.remove("local-definitions");
        }
        if (observations.isEmpty()) {
            res.remove("observations");
        }
        if (findings.isEmpty()) {
            res.remove("findings");
        }
        return root;
    }

    public String json(CampaignResult result, String assessmentPlanHref) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document(result, assessmentPlanHref));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise OSCAL results", e);
        }
    }

    private ObjectNode observation(String uuid, String subjectUuid, DeviceReport device, Finding f) {
        ObjectNode o = mapper.createObjectNode();
        o.put("uuid", uuid);
        o.put("title", f.checkId() + " on " + f.location());
        o.put("description", f.summary());
        ArrayNode props = o.putArray("props");
        prop(props, NS, "check-id", f.checkId(), null);
        prop(props, NS, "verdict", f.verdict().label(), null);
        o.putArray("methods").add("TEST");
        o.putArray("types").add("finding");
        ObjectNode subject = o.putArray("subjects").addObject();
        subject.put("subject-uuid", subjectUuid);
        subject.put("type", "inventory-item");
        subject.put("title", f.location());
        ObjectNode evidence = o.putArray("relevant-evidence").addObject();
        evidence.put("description", evidenceText(f));
        o.put("collected", timestamp(device.finished()));
        return o;
    }

    private ObjectNode finding(String observationUuid, Finding f) {
        ObjectNode fn = mapper.createObjectNode();
        fn.put("uuid", uuid());
        fn.put("title", f.checkId() + ": " + f.verdict().label() + " on " + f.location());
        fn.put("description", f.summary());
        ArrayNode props = fn.putArray("props");
        prop(props, NS, "check-id", f.checkId(), null);
        prop(props, NS, "verdict", f.verdict().label(), null);
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
        return fn;
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

    private static String timestamp(Instant instant) {
        return instant.toString();
    }
}
