package io.iotseal.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses port lists such as {@code 22,80,8000-8100}. */
final class PortList {
    /** Upper bound on one list, all TCP ports. */
    private static final int MAX_PORTS = 65535;

    private PortList() {
    }

    static List<Integer> parse(String option, String text) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int from = number(option, dash < 0 ? p : p.substring(0, dash));
            int to = dash < 0 ? from : number(option, p.substring(dash + 1));
            if (to < from) {
                throw new IllegalArgumentException(option + ": range '" + p + "' ends before it starts");
            }
            for (int port = from; port <= to; port++) {
                ports.add(port);
            }
        }
        if (ports.isEmpty() || ports.size() > MAX_PORTS) {
            throw new IllegalArgumentException(option + ": name between 1 and 65535 ports, was '" + text + "'");
        }
        return new ArrayList<>(ports);
    }

    private static int number(String option, String s) {
        try {
            int port = Integer.parseInt(s.strip());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(option + ": port " + port + " is outside 1-65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + s + "' is not a port number");
        }
    }
}
