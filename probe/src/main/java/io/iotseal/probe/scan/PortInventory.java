package io.iotseal.probe.scan;

import java.util.List;

/**
 * What a TCP connect scan saw. A port answers when it accepts the connection (open) or resets it
 * (closed: the host is there and said no); a port that gives neither within the timeout, or whose
 * connect fails with "no route" or "host unreachable", did not answer: filtered, dropped or absent. A
 * device reached on no port at all is "not reached", and nothing about it can be claimed (ADR 0076).
 *
 * @param open       ports that accepted the connection, ascending
 * @param closed     ports that refused it (RST): the host answered
 * @param unanswered ports with no answer at all
 */
public record PortInventory(List<Integer> open, int closed, int unanswered) {
    public PortInventory {
        open = List.copyOf(open);
    }

    /** Whether any scanned port answered, open or closed. */
    public boolean reached() {
        return !open.isEmpty() || closed > 0;
    }

    /** One line for reports: "2 open, 3 closed, 0 without answer". */
    public String summary() {
        return open.size() + " open, " + closed + " closed, " + unanswered + " without answer";
    }
}
