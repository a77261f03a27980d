package io.iotseal.probe.report;

import io.iotseal.probe.target.Target;

/** Hears what the probe is doing, for a progress display. Must be thread-safe: targets run in parallel. */
public interface ProgressListener {
    ProgressListener SILENT = new ProgressListener() {
    };

    default void targetStarted(Target target) {
    }

    default void step(Target target, String step) {
    }

    default void targetFinished(Target target, long failed, long total) {
    }
}
