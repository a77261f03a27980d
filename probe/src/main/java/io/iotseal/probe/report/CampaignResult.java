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

    public long count(Verdict verdict) {
        return devices.stream().mapToLong(d -> d.count(verdict)).sum();
    }
}
