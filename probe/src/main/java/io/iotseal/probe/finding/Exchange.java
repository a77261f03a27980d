package io.iotseal.probe.finding;

/**
 * One step of evidence: what the probe sent and what the device answered, already redacted.
 * Either side may be empty (a banner the device sent unasked has no {@code sent}).
 */
public record Exchange(String service, String sent, String received) {
    public Exchange {
        service = service == null ? "" : service;
        sent = sent == null ? "" : sent;
        received = received == null ? "" : received;
    }
}
