package io.iotseal.probe.report;

import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;

import java.time.Instant;
import java.util.List;

/**
 * Everything found on one device. Also the unit the campaign journal stores, one per line.
 *
 * @param target  the target as named by the user
 * @param address the address probed
 */
public record DeviceReport(String target, String address, Instant started, Instant finished,
                           List<OpenService> services, List<Finding> findings, Reachability reachability) {
    public DeviceReport {
        services = List.copyOf(services);
        findings = List.copyOf(findings);
        reachability = reachability == null ? Reachability.UNRECORDED : reachability;
        if (!reachability.reached() && !findings.isEmpty()) {
            throw new IllegalArgumentException("a device that was not reached has no findings");
        }
    }

    /** A device that was reached (the form used before reachability was recorded). */
    public DeviceReport(String target, String address, Instant started, Instant finished,
                        List<OpenService> services, List<Finding> findings) {
        this(target, address, started, finished, services, findings, Reachability.UNRECORDED);
    }

    /** Whether the device answered on any port; when not, it has no findings and no verdicts. */
    public boolean reached() {
        return reachability.reached();
    }

    /** An open port and what answers there. */
    public record OpenService(int port, String service, String banner) {
    }

    public long count(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).count();
    }

    /** The journal key: a resumed campaign skips targets whose key is already there. */
    public String key() {
        return key(target, address);
    }

    public static String key(String target, String address) {
        return target + "@" + address;
    }
}
