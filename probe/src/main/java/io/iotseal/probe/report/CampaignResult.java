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
                             int resumed) {
    public CampaignResult {
        devices = List.copyOf(devices);
    }

    /** Devices that answered on no port: no verdicts, and a distinct exit code in the CLI. */
    public long notReached() {
        return devices.stream().filter(d -> !d.reached()).count();
    }

    public long count(Verdict verdict) {
        return devices.stream().mapToLong(d -> d.count(verdict)).sum();
    }
}
