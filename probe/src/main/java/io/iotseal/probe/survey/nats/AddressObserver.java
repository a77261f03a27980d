package io.iotseal.probe.survey.nats;

import java.net.InetAddress;

/** Observes one address and returns its observation as JSON (one line of the results). Thread-safe. */
@FunctionalInterface
public interface AddressObserver {
    byte[] observe(InetAddress address) throws Exception;
}
