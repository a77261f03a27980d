package io.iotseal.probe.report;

/**
 * Whether the probe reached the device at all. A device that answered on no scanned port (every packet
 * dropped, no route, every connect timed out) is "not reached": it gets no findings and no requirement
 * verdicts, since silence is not evidence of anything (ADR 0076).
 *
 * @param reached whether any port answered (accepted or refused a connection)
 * @param detail  what the port inventory saw, e.g. "0 open, 0 closed, 27 without answer"
 */
public record Reachability(boolean reached, String detail) {
    public Reachability {
        detail = detail == null ? "" : detail;
    }

    /** For device reports written before reachability was recorded (journals of older runs). */
    public static final Reachability UNRECORDED = new Reachability(true, "not recorded");
}
