package io.iotseal.probe.report;

import io.iotseal.probe.finding.Verdict;

import java.time.Instant;
import java.util.List;

/**
 * The result of a probe run over all its targets.
 *
 * @param mappingVersion version of the check-to-requirement mapping used
 * @param resumed        how many device reports came from the journal of an earlier, interrupted run
 */
public record CampaignResult(Instant started, Instant finished, int mappingVersion, List<DeviceReport> devices,
                             int resumed, RunFacts facts) {
    public CampaignResult {
        devices = List.copyOf(devices);
        facts = facts == null ? new RunFacts(RunFacts.TOOL, RunFacts.probeVersion(), "", java.util.Map.of(), List.of(), "")
                : facts;
    }

    /** A result without run facts beyond the tool version (tests, older callers). */
    public CampaignResult(Instant started, Instant finished, int mappingVersion, List<DeviceReport> devices, int resumed) {
        this(started, finished, mappingVersion, devices, resumed, null);
    }

    /** The same result with other devices' findings (after assessor overrides) and facts. */
    public CampaignResult with(List<DeviceReport> newDevices, RunFacts newFacts) {
        return new CampaignResult(started, finished, mappingVersion, newDevices, resumed, newFacts);
    }

    /** Devices that answered on no port: no verdicts, and a distinct exit code in the CLI. */
    public long notReached() {
        return devices.stream().filter(d -> !d.reached()).count();
    }

    public long count(Verdict verdict) {
        return devices.stream().mapToLong(d -> d.count(verdict)).sum();
    }
}
