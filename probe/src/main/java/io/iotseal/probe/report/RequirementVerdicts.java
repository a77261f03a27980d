package io.iotseal.probe.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.AssessmentResults;
import io.iotseal.coverage.Verdict;
import io.iotseal.probe.finding.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns one device's findings into per-requirement verdicts on one catalog, in the core's results format
 * ({@value AssessmentResults#FORMAT}), so that {@code iotseal coverage --results} can infer what the probe
 * shows for other catalogs and scheme levels. A requirement fails when any finding mapped to it fails,
 * passes when every applicable finding mapped to it passes, and is otherwise not assessed; the network
 * never shows a requirement not applicable, so that verdict is never produced.
 */
public final class RequirementVerdicts {
    private final ObjectMapper mapper = Json.mapper();

    public ObjectNode document(DeviceReport device, String catalogId) {
        if (!device.reached()) {
            // Nothing was observed, so nothing may be claimed, not even "not assessed" rows (ADR 0076).
            throw new IllegalArgumentException("results: device " + device.target() + " was not reached ("
                    + device.reachability().detail() + "); no requirement verdict can be claimed from it");
        }
        Map<String, List<Finding>> byRequirement = new LinkedHashMap<>();
        for (Finding f : device.findings()) {
            for (RequirementRef ref : f.requirements()) {
                if (ref.catalog().equals(catalogId)) {
                    byRequirement.computeIfAbsent(ref.requirement(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        if (byRequirement.isEmpty()) {
            throw new IllegalArgumentException("results-catalog: no probe finding maps to catalog '" + catalogId + "'");
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("format", AssessmentResults.FORMAT);
        root.put("product", device.target());
        root.put("catalog", catalogId);
        ArrayNode results = root.putArray("results");
        byRequirement.forEach((requirement, findings) -> {
            Verdict verdict = verdict(findings);
            results.addObject().put("requirement", requirement).put("verdict", verdict.code())
                    .put("justification", justification(verdict, findings));
        });
        return root;
    }

    static Verdict verdict(List<Finding> findings) {
        var applicable = findings.stream()
                .filter(f -> f.verdict() != io.iotseal.probe.finding.Verdict.NOT_APPLICABLE).toList();
        if (applicable.stream().anyMatch(f -> f.verdict() == io.iotseal.probe.finding.Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        if (!applicable.isEmpty() && applicable.stream().allMatch(f -> f.verdict() == io.iotseal.probe.finding.Verdict.PASS)) {
            return Verdict.PASS;
        }
        return Verdict.NOT_ASSESSED;
    }

    private static String justification(Verdict verdict, List<Finding> findings) {
        var relevant = findings.stream().filter(f -> verdict != Verdict.FAIL
                || f.verdict() == io.iotseal.probe.finding.Verdict.FAIL).toList();
        return "IoTSeal device probe: " + relevant.stream()
                .map(f -> f.verdict().label() + " " + f.checkId() + " on " + f.location() + " (" + f.summary() + ")")
                .collect(Collectors.joining("; "));
    }
}
