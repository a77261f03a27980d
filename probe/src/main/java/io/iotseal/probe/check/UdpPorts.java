package io.iotseal.probe.check;

import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;

/** Closed-port detection for the UDP checks (ADR 0079, shared since ADR 0088). */
final class UdpPorts {
    private UdpPorts() {
    }

    /**
     * Whether a UDP port is closed: a one-byte datagram (which SNMP, CoAP and DNS servers discard as
     * unparsable; Linux sends no ICMP error for an empty one) draws an ICMP port unreachable from a host with
     * nothing listening. Silence (an answer or a timeout) is "not closed": it proves nothing either way.
     */
    static boolean closed(DeviceContext device, int port) {
        try (Dialer.Permit ignored = device.dialer().permit();
             DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(device.target().address(), port));
            socket.setSoTimeout((int) Math.min(1000, device.settings().timeout().toMillis()));
            socket.send(new DatagramPacket(new byte[1], 1));
            socket.receive(new DatagramPacket(new byte[512], 512));
            return false;
        } catch (PortUnreachableException closed) {
            return true;
        } catch (IOException silentOrOther) {
            return false;
        }
    }
}
