package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.Dialer;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SNMP v1 and v2c with the factory communities {@code public} and {@code private}: one read-only GET of
 * sysDescr.0 (1.3.6.1.2.1.1.1.0) per community and version, nothing else, never a SET. An agent answers
 * only a community it accepts (RFC 3584 section 4.1: a wrong community is dropped silently), so any
 * response means the community grants access. No response to any of them passes: the default communities
 * do not work, whether or not an agent listens. Whether the device was reached at all is decided by the
 * TCP scan, not here.
 */
public final class SnmpCommunityCheck implements Check {
    public static final String ID = "snmp-default-community";
    public static final int PORT = 161;
    /** The communities net-snmp and most vendors ship: read-only and read-write. */
    static final List<String> COMMUNITIES = List.of("public", "private");
    static final String SYS_DESCR = "1.3.6.1.2.1.1.1.0";
    private final int port;

    /** The check on udp/161, where devices run their agent. */
    public SnmpCommunityCheck() {
        this(PORT);
    }

    /** The check on another UDP port (tests run an agent on a free loopback port). */
    public SnmpCommunityCheck(int port) {
        this.port = port;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        List<Exchange> evidence = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        if (device.udpPortClosed(port)) {
            evidence.add(new Exchange("snmp", "one-byte datagram to udp/" + port, "ICMP port unreachable"));
            return List.of(device.finding(ID, port, "snmp", Verdict.PASS, "udp/" + port
                    + " is closed (ICMP port unreachable): no SNMP agent takes the default communities", evidence));
        }
        try (Dialer.Permit ignored = device.dialer().permit()) {
            DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
            Snmp snmp = new Snmp(transport);
            try {
                snmp.listen();
                for (String community : COMMUNITIES) {
                    for (int version : new int[]{SnmpConstants.version2c, SnmpConstants.version1}) {
                        String label = "community '" + community + "' " + (version == SnmpConstants.version1 ? "v1" : "v2c");
                        String answer = get(device, snmp, community, version);
                        evidence.add(new Exchange("snmp", "GET " + SYS_DESCR + " (sysDescr.0), " + label,
                                answer == null ? "no answer" : answer));
                        if (answer != null) {
                            accepted.add(label);
                        }
                    }
                }
            } finally {
                snmp.close();
            }
        } catch (IOException e) {
            return List.of(device.finding(ID, port, "snmp", Verdict.INCONCLUSIVE, "SNMP probe failed: " + e.getMessage(), evidence));
        }
        if (accepted.isEmpty()) {
            return List.of(device.finding(ID, port, "snmp", Verdict.PASS, "no answer on udp/" + port
                    + " to a read-only GET with the default communities public and private (v1, v2c)", evidence));
        }
        device.udpServiceAnswered(port, "snmp");
        return List.of(device.finding(ID, port, "snmp", Verdict.FAIL, "SNMP answers a read-only GET of sysDescr.0 with the "
                + "default " + String.join(", ", accepted) + "; write access was not tried", evidence));
    }

    /** The sysDescr.0 answer, or null when the agent stays silent. */
    private String get(DeviceContext device, Snmp snmp, String community, int version) throws IOException {
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress(device.target().address(), port),
                new OctetString(community));
        target.setVersion(version);
        target.setTimeout(device.settings().timeout().toMillis());
        target.setRetries(1);
        PDU pdu = new PDU();
        pdu.setType(PDU.GET);
        pdu.add(new VariableBinding(new OID(SYS_DESCR)));
        ResponseEvent<UdpAddress> event = snmp.send(pdu, target);
        PDU response = event.getResponse();
        if (response == null) {
            return null;
        }
        if (response.getErrorStatus() != PDU.noError || response.size() == 0) {
            return "response with error " + response.getErrorStatusText();
        }
        String value = response.get(0).getVariable().toString();
        return "sysDescr.0 = " + (value.length() > 120 ? value.substring(0, 120) + "..." : value);
    }
}
