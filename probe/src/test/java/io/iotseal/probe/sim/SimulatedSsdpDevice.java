package io.iotseal.probe.sim;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A UPnP root device answering unicast M-SEARCH on a loopback UDP port. */
public final class SimulatedSsdpDevice implements AutoCloseable {
    private final DatagramSocket socket;

    public SimulatedSsdpDevice(String location) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    socket.receive(in);
                    String request = new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII);
                    if (!request.startsWith("M-SEARCH")) {
                        continue;
                    }
                    byte[] answer = ("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\nLOCATION: " + location
                            + "\r\nSERVER: Linux/3.10 UPnP/1.0 miniupnpd/1.9\r\nST: upnp:rootdevice\r\n"
                            + "USN: uuid:2fac1234-31f8-11b4-a222-08002b34c003::upnp:rootdevice\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    socket.send(new DatagramPacket(answer, answer.length, in.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
