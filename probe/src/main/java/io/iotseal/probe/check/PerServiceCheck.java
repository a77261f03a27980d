package io.iotseal.probe.check;

import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;

import java.util.List;

/**
 * A check that yields one finding per service it applies to, or a single N/A finding for the device when
 * it applies to none, so every check leaves a trace in the report.
 */
abstract class PerServiceCheck implements Check {
    private final String id;
    private final String whenNone;

    /** @param whenNone the N/A summary, e.g. "no TLS service found" */
    PerServiceCheck(String id, String whenNone) {
        this.id = id;
        this.whenNone = whenNone;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<Finding> run(DeviceContext device) {
        List<Finding> findings = findings(device);
        if (findings.isEmpty()) {
            return List.of(device.finding(id, null, Verdict.NOT_APPLICABLE, whenNone, List.of()));
        }
        return findings;
    }

    /** The findings on the services this check applies to (empty when it applies to none). */
    abstract List<Finding> findings(DeviceContext device);
}
