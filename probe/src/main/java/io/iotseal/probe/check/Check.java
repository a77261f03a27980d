package io.iotseal.probe.check;

import io.iotseal.probe.finding.Finding;

import java.util.List;

/** One kind of test of a device; produces one finding per service it applies to (or one per device). */
public interface Check {
    /** Stable id, also the key in {@code check-requirements.yaml}. */
    String id();

    List<Finding> run(DeviceContext device);
}
