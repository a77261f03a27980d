package io.iotseal.probe.report;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.catalog.RequirementRef;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The human-readable report: per device, open services, then findings with failures first. */
public final class TextReport {
    /** Evidence lines shown per failed finding; the JSON and OSCAL outputs carry all of it. */
    private static final int EVIDENCE_SHOWN = 4;
    private static final int EVIDENCE_WIDTH = 160;

    private TextReport() {
    }

    public static String render(CampaignResult result) {
        StringBuilder out = new StringBuilder();
        out.append("IoTSeal device probe: ").append(result.devices().size()).append(" device(s), ")
                .append(result.count(Verdict.FAIL)).append(" FAIL, ").append(result.count(Verdict.PASS)).append(" PASS, ")
                .append(result.count(Verdict.INCONCLUSIVE)).append(" INCONCLUSIVE, ")
                .append(result.count(Verdict.NOT_APPLICABLE)).append(" N/A, ").append(result.notReached())
                .append(" not reached (requirement mapping v")
                .append(result.mappingVersion()).append(")\n");
        appendFacts(out, result);
        if (result.resumed() > 0) {
            out.append("(").append(result.resumed()).append(" device(s) taken from the journal of an earlier run)\n");
        }
        for (DeviceReport device : result.devices()) {
            out.append('\n').append("== ").append(device.target());
            if (!device.target().equals(device.address())) {
                out.append(" (").append(device.address()).append(')');
            }
            out.append(" ==\n");
            if (!device.reached()) {
                out.append("  NOT REACHED: ").append(device.reachability().detail())
                        .append("; no verdicts for this device\n");
                continue;
            }
            if (device.services().isEmpty()) {
                out.append("  no open port among those scanned\n");
            }
            for (DeviceReport.OpenService s : device.services()) {
                out.append(String.format("  %5d/tcp  %-8s %s%n", s.port(), s.service(), s.banner()));
            }
            device.findings().stream().sorted(Comparator.comparing(Finding::verdict))
                    .forEach(f -> appendFinding(out, f));
        }
        return out.toString();
    }

    /** Tool, time, authorisation, credential lists and settings: what a lab report must state (ADR 0077). */
    private static void appendFacts(StringBuilder out, CampaignResult result) {
        RunFacts facts = result.facts();
        out.append(facts.tool()).append(' ').append(facts.toolVersion()).append(", run ").append(result.started())
                .append(" to ").append(result.finished()).append('\n');
        out.append("authorisation: ").append(facts.authorization().isEmpty()
                ? "none required (loopback, private or documentation addresses, at most 16 hosts)"
                : facts.authorization()).append('\n');
        for (var list : facts.credentialLists()) {
            out.append("credential list: ").append(list.name()).append(" version ").append(list.version())
                    .append(", sha256 ").append(list.sha256()).append(", ").append(list.entries()).append(" pairs\n");
        }
        if (!facts.settings().isEmpty()) {
            out.append("settings: ").append(facts.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!facts.overrides().isEmpty()) {
            out.append("assessor overrides: ").append(facts.overrides()).append('\n');
        }
    }

    private static void appendFinding(StringBuilder out, Finding f) {
        out.append(String.format("  [%-12s] %-24s %s%n", f.verdict().label(), f.checkId(), f.location()));
        out.append("      ").append(f.summary()).append('\n');
        if (f.override() != null) {
            out.append("      overridden by the assessor").append(f.override().assessor().isEmpty() ? ""
                    : " " + f.override().assessor()).append(": the probe said ").append(f.override().original().label())
                    .append("; justification: ").append(f.override().justification()).append('\n');
        }
        out.append("      requirements: ").append(requirements(f.requirements())).append('\n');
        if (!f.testCases().isEmpty()) {
            out.append("      evidence for: ").append(f.testCases().stream().map(io.iotseal.probe.finding.TestCaseRef::label)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (f.verdict() == Verdict.FAIL) {
            List<Exchange> shown = f.evidence().subList(0, Math.min(EVIDENCE_SHOWN, f.evidence().size()));
            for (Exchange e : shown) {
                if (!e.sent().isEmpty()) {
                    out.append("      > ").append(oneLine(e.sent())).append('\n');
                }
                if (!e.received().isEmpty()) {
                    out.append("      < ").append(oneLine(e.received())).append('\n');
                }
            }
        }
    }

    static String requirements(List<RequirementRef> refs) {
        return refs.stream().collect(Collectors.groupingBy(RequirementRef::catalog, java.util.LinkedHashMap::new,
                        Collectors.mapping(RequirementRef::requirement, Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String oneLine(String s) {
        String flat = s.replace("\r", "").replace("\n", " | ").strip();
        return flat.length() > EVIDENCE_WIDTH ? flat.substring(0, EVIDENCE_WIDTH) + "..." : flat;
    }
}
