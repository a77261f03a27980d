package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UPnP discovery: one M-SEARCH sent by unicast to the target only (never to the multicast group, which
 * would reach every device on the LAN). An answer means the discovery interface is exposed. When the answer
 * points to a description document on the target itself, that document is fetched to show what it
 * discloses; a location on any other host is never followed.
 */
public final class SsdpExposureCheck implements Check {
    public static final String ID = "ssdp-exposure";
    private static final Pattern XML_FIELD = Pattern.compile(
            "<(manufacturer|modelName|modelNumber|serialNumber|firmwareVersion|friendlyName|UDN)>([^<]{0,120})<");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        int port = device.settings().ssdpPort();
        String search = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n"
                + "ST: ssdp:all\r\n\r\n";
        List<Exchange> evidence = new ArrayList<>();
        String answer;
        try (Dialer.Permit ignored = device.dialer().permit();
             DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) device.settings().timeout().toMillis());
            socket.connect(new InetSocketAddress(device.target().address(), port));
            byte[] out = search.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(out, out.length));
            byte[] buf = new byte[4096];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            socket.receive(in);
            answer = new String(in.getData(), 0, in.getLength(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
            evidence.add(new Exchange("ssdp", "unicast M-SEARCH to udp/" + port, "no answer"));
            return List.of(device.finding(ID, port, "ssdp", Verdict.PASS, "no answer to a unicast SSDP M-SEARCH on udp/" + port, evidence));
        } catch (IOException e) {
            evidence.add(new Exchange("ssdp", "unicast M-SEARCH to udp/" + port, e.toString()));
            return List.of(device.finding(ID, null, Verdict.INCONCLUSIVE, "SSDP probe failed: " + e.getMessage(), evidence));
        }
        evidence.add(new Exchange("ssdp", search, answer));
        device.udpServiceAnswered(port, "ssdp");
        String summary = "UPnP/SSDP answers discovery on udp/" + port;
        String location = header(answer, "location");
        String described = describe(device, location, evidence);
        if (!described.isEmpty()) {
            summary += "; its description discloses " + described;
        }
        return List.of(device.finding(ID, port, "ssdp", Verdict.FAIL, summary, evidence));
    }

    private String describe(DeviceContext device, String location, List<Exchange> evidence) {
        if (location.isEmpty()) {
            return "";
        }
        try {
            URI uri = URI.create(location);
            InetAddress host = InetAddress.getByName(uri.getHost());
            if (!host.equals(device.target().address()) || !"http".equalsIgnoreCase(uri.getScheme())) {
                evidence.add(new Exchange("ssdp", "(not followed)", "LOCATION " + location + " is not on the target"));
                return "";
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            var r = RawHttp.get(device.dialer(), port, false, uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(), Map.of());
            evidence.add(new Exchange("http", r.rawRequest(), r.rawResponse() + "\r\n\r\n" + r.body()));
            List<String> fields = new ArrayList<>();
            Matcher m = XML_FIELD.matcher(r.body());
            while (m.find()) {
                fields.add(m.group(1) + "=" + m.group(2).strip());
            }
            return String.join(", ", fields);
        } catch (IOException | IllegalArgumentException e) {
            evidence.add(new Exchange("ssdp", "GET " + location, "failed: " + e.getMessage()));
            return "";
        }
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }
}
