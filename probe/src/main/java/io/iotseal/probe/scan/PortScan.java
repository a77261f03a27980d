package io.iotseal.probe.scan;

import java.util.List;

/**
 * What a TCP port scan saw.
 *
 * @param open       ports that accepted a connection, ascending
 * @param closed     ports that answered with a reset
 * @param silent     ports that gave no answer at all (filtered, dropped, or never tried after discovery failed)
 * @param probes     connection attempts made, retries included
 * @param requested  ports the scan was asked to cover
 * @param reached    whether the device answered at all (an accept or a reset on any port)
 * @param millis     how long the scan took
 */
public record PortScan(List<Integer> open, int closed, int silent, int probes, int requested, boolean reached,
                       long millis) {
    public PortScan {
        open = List.copyOf(open);
    }

    /** One line for the evidence: "65535 ports in 1843 ms: 3 open, 65532 closed, 0 silent". */
    public String describe() {
        return requested + " TCP ports in " + millis + " ms: " + open.size() + " open, " + closed + " closed (reset), "
                + silent + " silent" + (reached ? "" : "; no answer at all, the scan stopped after "
                + PortScanner.DISCOVERY_PROBES + " silent ports");
    }
}
