package io.iotseal.probe.check;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import io.iotseal.probe.net.Dialer;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CoAP without DTLS on udp/5683 (RFC 7252), ADR 0088. One confirmable GET of {@code /.well-known/core}
 * (RFC 6690 resource discovery); when it lists resources, a GET of each local path in it (at most
 * {@link #MAX_RESOURCES}; GET is safe, RFC 7252 section 5.8.1), never PUT, POST, DELETE or Observe.
 * <ul>
 *   <li>udp/5683 closed (ICMP port unreachable): PASS, no CoAP server there.</li>
 *   <li>no answer at all (no ACK, no reset, no ICMP error) after retransmissions: INCONCLUSIVE, not reached.</li>
 *   <li>a resource (discovery included) answers 2.xx Content to an unauthenticated GET over plain UDP: FAIL,
 *       listing each path with its code.</li>
 *   <li>discovery refused (4.01, 4.03), absent (4.04) or the request reset: INCONCLUSIVE. A CoAP server
 *       answers in cleartext, but resources it does not list cannot be checked; it may protect them with
 *       OSCORE (RFC 8613), which needs no DTLS.</li>
 * </ul>
 * Messages, retransmission, block-wise transfer (RFC 7959) and link-format parsing are Eclipse Californium's.
 */
public final class CoapExposureCheck implements Check {
    public static final String ID = "coap-exposure";
    public static final int PORT = 5683;
    static final int MAX_RESOURCES = 16;
    private static final int MAX_RETRANSMIT = 2;
    private final int port;

    public CoapExposureCheck() {
        this(PORT);
    }

    /** The check on another UDP port (tests run a server on a free loopback port). */
    public CoapExposureCheck(int port) {
        this.port = port;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(DeviceContext device) {
        List<Exchange> evidence = new ArrayList<>();
        if (device.udpPortClosed(port)) {
            evidence.add(new Exchange("coap", "one-byte datagram to udp/" + port, "ICMP port unreachable"));
            return List.of(device.finding(ID, port, "coap", Verdict.PASS, "udp/" + port
                    + " is closed (ICMP port unreachable): no CoAP server answers without DTLS", evidence));
        }
        CoapEndpoint endpoint = endpoint(device);
        try (Dialer.Permit ignored = device.dialer().permit()) {
            endpoint.start();
            Outcome discovery = get(endpoint, device, "/.well-known/core");
            evidence.add(new Exchange("coap", "CON GET /.well-known/core", discovery.text()));
            if (discovery.response() == null) {
                if (discovery.reset()) {
                    device.udpServiceAnswered(port, "coap");
                    return List.of(device.finding(ID, port, "coap", Verdict.INCONCLUSIVE, "a CoAP endpoint on udp/" + port
                            + " resets GET /.well-known/core: it answers without DTLS, but lists no resource to check",
                            evidence));
                }
                return List.of(device.finding(ID, port, "coap", Verdict.INCONCLUSIVE, "not reached: no answer on udp/"
                        + port + " to a confirmable GET /.well-known/core (" + (MAX_RETRANSMIT + 1) + " transmissions) "
                        + "and no ICMP error", evidence));
            }
            device.udpServiceAnswered(port, "coap");
            Response response = discovery.response();
            if (!response.getCode().isSuccess()) {
                return List.of(device.finding(ID, port, "coap", Verdict.INCONCLUSIVE, "CoAP answers without DTLS on udp/"
                        + port + " but GET /.well-known/core gets " + response.getCode().text + " "
                        + response.getCode().name() + ": resources it does not list cannot be checked", evidence));
            }
            List<String> paths = localPaths(response.getPayloadString());
            List<String> open = new ArrayList<>(List.of("/.well-known/core (" + paths.size() + " resources listed)"));
            List<String> refused = new ArrayList<>();
            for (String path : paths.subList(0, Math.min(paths.size(), MAX_RESOURCES))) {
                if (path.equals("/.well-known/core")) {
                    continue;
                }
                Outcome o = get(endpoint, device, path);
                evidence.add(new Exchange("coap", "CON GET " + path, o.text()));
                if (o.response() != null && o.response().getCode().isSuccess()) {
                    open.add(path + " " + o.response().getCode().text);
                } else {
                    refused.add(path + " " + (o.response() != null ? o.response().getCode().text : o.reset() ? "reset" : "no answer"));
                }
            }
            String more = paths.size() > MAX_RESOURCES ? "; only the first " + MAX_RESOURCES + " were requested" : "";
            return List.of(device.finding(ID, port, "coap", Verdict.FAIL, "CoAP without DTLS on udp/" + port
                    + " answers unauthenticated GETs: " + String.join(", ", open)
                    + (refused.isEmpty() ? "" : "; not readable: " + String.join(", ", refused)) + more, evidence));
        } catch (java.io.IOException | RuntimeException e) {
            return List.of(device.finding(ID, port, "coap", Verdict.INCONCLUSIVE, "CoAP probe failed: " + e.getMessage(),
                    evidence));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(device.finding(ID, port, "coap", Verdict.INCONCLUSIVE, "CoAP probe interrupted", evidence));
        } finally {
            endpoint.destroy();
        }
    }

    /** What one GET brought back: a response, a reset (RST), or nothing. */
    record Outcome(Response response, boolean reset, String text) {
    }

    private Outcome get(CoapEndpoint endpoint, DeviceContext device, String path) throws InterruptedException {
        Request request = Request.newGet();
        request.setURI(URI.create("coap://" + hostLiteral(device) + ":" + port + path));
        request.send(endpoint);
        long ack = device.settings().timeout().toMillis();
        // ACK_TIMEOUT doubles on each retransmission (RFC 7252 section 4.2); wait for all of them and a margin.
        Response response = request.waitForResponse(ack * ((1L << (MAX_RETRANSMIT + 1)) - 1) * 3 / 2 + 1000);
        if (response != null) {
            String payload = response.getPayloadSize() == 0 ? "" : " " + abbreviate(response.getPayloadString());
            return new Outcome(response, false, response.getCode().text + " " + response.getCode().name() + payload);
        }
        request.cancel();
        if (request.isRejected()) {
            return new Outcome(null, true, "reset (RST)");
        }
        return new Outcome(null, false, "no answer");
    }

    /** The local paths of a link-format document; links to other hosts are never followed. */
    static List<String> localPaths(String linkFormat) {
        List<String> paths = new ArrayList<>();
        for (WebLink link : LinkFormat.parse(linkFormat)) {
            String uri = link.getURI();
            if (uri.startsWith("/") && !uri.startsWith("//") && !paths.contains(uri)) {
                paths.add(uri);
            }
        }
        return paths;
    }

    private static String hostLiteral(DeviceContext device) {
        String host = device.target().address().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    /** A client endpoint on an ephemeral port with the probe's timeout as ACK_TIMEOUT; no properties file is written. */
    private static CoapEndpoint endpoint(DeviceContext device) {
        CoapConfig.register();
        UdpConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        int ack = (int) Math.max(200, device.settings().timeout().toMillis());
        config.set(CoapConfig.ACK_TIMEOUT, ack, TimeUnit.MILLISECONDS);
        config.set(CoapConfig.ACK_INIT_RANDOM, 1.0f);
        config.set(CoapConfig.MAX_RETRANSMIT, MAX_RETRANSMIT);
        return new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(0)).build();
    }
}
