package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.scan.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * The inventory of open TCP ports. Whether a service is "unused" depends on the manufacturer's
 * documentation (the IXIT), so the verdict needs {@code --expected-ports}: any other open port fails.
 * Without it the inventory is reported as inconclusive evidence for the assessor to compare.
 */
public final class OpenServicesCheck implements Check {
    public static final String ID = "open-services";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        List<Service> services = device.services();
        // UDP services the earlier UDP checks heard from (SNMP, SSDP) are interfaces too (ADR 0079).
        Map<Integer, String> udp = new TreeMap<>(device.answeringUdpServices());
        List<String> entries = new ArrayList<>(services.stream().map(s -> s.port() + "/" + s.name()).toList());
        udp.forEach((port, name) -> entries.add("udp/" + port + " " + name));
        String inventory = String.join(", ", entries);
        int silent = device.inventory().unanswered();
        List<Exchange> evidence = List.of(new Exchange("", "TCP connect to " + device.settings().ports().size()
                + " ports", (services.isEmpty() ? "no open port" : "open: " + inventory) + "; "
                + device.inventory().summary()));
        // Ports that did not answer were not reached: the verdict speaks only of the ports that answered.
        String notReached = silent == 0 ? "" : "; " + silent + " port(s) did not answer and were not reached";
        if (entries.isEmpty()) {
            return List.of(device.finding(ID, null, Verdict.PASS, "no open TCP port among the "
                    + (device.settings().ports().size() - silent) + " that answered, and no UDP service answered"
                    + notReached, evidence));
        }
        var expected = device.settings().expectedPorts();
        if (expected.isEmpty()) {
            return List.of(device.finding(ID, null, Verdict.INCONCLUSIVE, "open: " + inventory
                    + "; compare with the documented interfaces (or pass --expected-ports)" + notReached, evidence));
        }
        Set<Integer> allowed = expected.get();
        List<String> unexpected = new ArrayList<>(services.stream().filter(s -> !allowed.contains(s.port()))
                .map(s -> s.port() + "/" + s.name()).toList());
        udp.forEach((port, name) -> {
            if (!allowed.contains(port)) {
                unexpected.add("udp/" + port + " " + name);
            }
        });
        if (unexpected.isEmpty()) {
            return List.of(device.finding(ID, null, Verdict.PASS, "only documented ports are open: " + inventory
                    + notReached, evidence));
        }
        return List.of(device.finding(ID, null, Verdict.FAIL, "undocumented open ports: " + String.join(", ", unexpected), evidence));
    }
}
