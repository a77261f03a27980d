package io.iotseal.probe.sim;

import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** What the tests' SNMP4J agents share: sending a response PDU back, and the UDP port an agent listens on. */
public final class SnmpAgents {
    private SnmpAgents() {
    }

    /** Sends {@code response} back to the request of {@code event}, with its security settings. */
    public static void reply(CommandResponderEvent<?> event, PDU response) {
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                    event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                    event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
        } catch (MessageException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The loopback UDP port {@code snmp} listens on (the tests bind port 0). */
    public static int port(Snmp snmp) {
        return ((DefaultUdpTransportMapping) snmp.getMessageDispatcher().getTransportMappings().iterator().next())
                .getListenAddress().getPort();
    }
}
