package io.iotseal.probe.finding;

import io.iotseal.catalog.RequirementRef;

import java.util.List;
import java.util.Objects;

/**
 * The result of one check on one device: the verdict, the requirements it is evidence for, a summary a
 * reader understands, and the redacted exchanges that support it.
 *
 * @param checkId      stable id of the check (see {@code check-requirements.yaml})
 * @param target       the target as the user named it
 * @param port         the TCP/UDP port the finding is about, or 0 when it is about the whole device
 * @param service      the service name (ssh, telnet, http, ...), or "" for device-wide findings
 * @param verdict      PASS, FAIL, INCONCLUSIVE or NOT_APPLICABLE
 * @param summary      one sentence on what was found
 * @param requirements the catalog requirements this is evidence for
 * @param evidence     what was sent and received, secrets redacted
 * @param testCases    the ETSI TS 103 701 test cases this is evidence for (may be empty)
 * @param override     the assessor's override, or null; {@code verdict} is then the assessor's verdict and
 *                     the override keeps the probe's original one
 */
public record Finding(String checkId, String target, int port, String service, Verdict verdict, String summary,
                      List<RequirementRef> requirements, List<Exchange> evidence, List<TestCaseRef> testCases,
                      VerdictOverride override) {
    /** A finding without test-case ids or override. */
    public Finding(String checkId, String target, int port, String service, Verdict verdict, String summary,
                   List<RequirementRef> requirements, List<Exchange> evidence) {
        this(checkId, target, port, service, verdict, summary, requirements, evidence, List.of(), null);
    }

    /** This finding with the assessor's verdict, keeping the probe's verdict in the override. */
    public Finding overriddenTo(Verdict newVerdict, String justification, String assessor) {
        Verdict original = override == null ? verdict : override.original();
        return new Finding(checkId, target, port, service, newVerdict, summary, requirements, evidence, testCases,
                new VerdictOverride(original, justification, assessor));
    }

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        service = service == null ? "" : service;
        requirements = List.copyOf(requirements == null ? List.of() : requirements);
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        testCases = List.copyOf(testCases == null ? List.of() : testCases);
    }

    /** Where on the device: "127.0.0.1:22/ssh" or just the target for device-wide findings. */
    public String location() {
        if (port <= 0) {
            return target;
        }
        return target + ":" + port + (service.isEmpty() ? "" : "/" + service);
    }
}
