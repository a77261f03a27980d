package io.iotseal.probe.survey.nats;

import java.net.InetAddress;

/** Observes one address and returns its observation as JSON (one line of the results). Thread-safe. */
@FunctionalInterface
public interface AddressObserver extends AutoCloseable {
    byte[] observe(InetAddress address) throws Exception;

    /** Releases what the observer holds (the survey probe's SSH client) when the campaign ends on this worker. */
    @Override
    default void close() {
    }
}
