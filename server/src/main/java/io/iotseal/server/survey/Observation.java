package io.iotseal.server.survey;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of an upload ({@code iotseal-survey-observation/1}), checked: the address in its normal form (so that
 * 127.1.0.5 and a differently written copy are one device), the arrays as compact JSON for storage, and what
 * matching and label findings need.
 */
record Observation(int line, String address, OffsetDateTime observedAt, OffsetDateTime finishedAt, boolean reached,
                   boolean optedOut, String reachability, String servicesJson, String fingerprintsJson,
                   String findingsJson, String worker, List<Seen> fingerprints, List<Failed> failures) {

    /** A fingerprint the device showed. */
    record Seen(String kind, Integer port, String value) {
    }

    /** A finding with verdict FAIL: what becomes a label finding when the device is a labelled product's. */
    record Failed(String check, int port, String service, String summary) {
    }
}
