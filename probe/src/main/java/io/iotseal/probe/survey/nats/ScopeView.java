package io.iotseal.probe.survey.nats;

import java.net.InetAddress;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * What the engine needs of a campaign's signed-off scope. The engine knows nothing else of it, so it can be
 * tested and measured with a stand-in; {@link ProbeBackend} adapts the survey scope.
 */
public interface ScopeView {
    String id();

    /** SHA-256 of the canonical JSON form: what items and observations name. */
    String sha256();

    /** The canonical JSON form, stored in the bucket for the workers. */
    byte[] canonicalJson();

    /** Connection attempts per second, all workers together. */
    double rate();

    /** The work items' ranges as text, in order; lazily, however large the scope. */
    Stream<String> ranges();

    long addressCount();

    /** The number of work items, without cutting them when the scope can count them. */
    default long itemCount() {
        return ranges().count();
    }

    boolean covers(InetAddress address);

    boolean inWindow(Instant instant);

    /** The addresses of one range text, in order. */
    Iterable<InetAddress> addresses(String range);
}
