package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.mapping.RequirementMappings;
import io.iotseal.probe.sim.SnmpAgents;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.report.ProgressListener;
import io.iotseal.probe.scan.PortInventory;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SNMP default-community check against an agent on a free loopback port (SNMP4J's responder side,
 * which drops a wrong community silently as RFC 3584 asks, like net-snmp). The lab test runs it against
 * the real net-snmp agent (ADR 0078).
 */
class SnmpCommunityCheckTest {

    /** Runs the check alone against 127.0.0.1 with the given SNMP port. */
    private static List<Finding> check(int port, DeviceContext[] context) {
        var settings = TestProbe.settings(List.of(1), SnmpCommunityCheck.ID);
        var dialer = new Dialer(TestProbe.LOOPBACK, new RateLimiter(0), 4, settings.timeout());
        DeviceContext device = new DeviceContext(TestProbe.LOOPBACK, dialer, new PortInventory(List.of(), 1, 0), List.of(),
                settings, RequirementMappings.loadBuiltIn(), null, ProgressListener.SILENT);
        context[0] = device;
        return new SnmpCommunityCheck(port).run(device);
    }

    /** An agent that answers sysDescr.0 for the accepted communities and ignores every other. */
    private static Snmp agent(Set<String> accepted) throws Exception {
        var transport = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0));
        Snmp snmp = new Snmp(transport);
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
                String community = new String(event.getSecurityName(), StandardCharsets.US_ASCII);
                event.setProcessed(true);
                if (!accepted.contains(community)) {
                    return;
                }
                PDU response = (PDU) event.getPDU().clone();
                response.setType(PDU.RESPONSE);
                response.get(0).setVariable(new OctetString("Simulated camera firmware 2.1"));
                SnmpAgents.reply(event, response);
            }
        });
        snmp.listen();
        return snmp;
    }

    private static int portOf(Snmp snmp) {
        return SnmpAgents.port(snmp);
    }

    @Test
    void agentAnsweringPublicFailsAndShowsWhatItDisclosed() throws Exception {
        Snmp agent = agent(Set.of("public"));
        try {
            DeviceContext[] device = new DeviceContext[1];
            Finding f = check(portOf(agent), device).getFirst();
            assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("community 'public' v2c", "community 'public' v1").doesNotContain("'private'");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.received()).contains("Simulated camera firmware 2.1"));
            assertThat(f.requirements()).isNotEmpty();
            assertThat(device[0].answeringUdpServices()).containsEntry(portOf(agent), "snmp");
        } finally {
            agent.close();
        }
    }

    @Test
    void agentIgnoringTheDefaultCommunitiesPasses() throws Exception {
        Snmp agent = agent(Set.of("s3cret-community"));
        try {
            DeviceContext[] device = new DeviceContext[1];
            Finding f = check(portOf(agent), device).getFirst();
            assertThat(f.verdict()).isEqualTo(Verdict.PASS);
            assertThat(f.evidence()).hasSize(4).allSatisfy(e -> assertThat(e.received()).isEqualTo("no answer"));
            assertThat(device[0].answeringUdpServices()).isEmpty();
        } finally {
            agent.close();
        }
    }

    @Test
    void closedPortPassesAtOnceOnPortUnreachable() {
        Finding f = check(TestProbe.unusedUdpPort(), new DeviceContext[1]).getFirst();
        assertThat(f.verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.summary()).contains("closed (ICMP port unreachable)");
    }
}
