package io.iotseal.probe.check;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CoAP check against a small CoAP device made with Californium's server side on a free loopback port, a
 * silent UDP port and a closed one. The lab runs it against libcoap's coap-server (ADR 0088).
 */
class CoapExposureCheckTest {

    /** A device with a readable /status and a /config that answers 4.01 Unauthorized. */
    private static CoapServer device() {
        CoapConfig.register();
        UdpConfig.register();
        CoapServer server = new CoapServer(Configuration.createStandardWithoutFile());
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(Configuration.createStandardWithoutFile())
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build());
        server.add(new CoapResource("status") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.CONTENT, "temperature=21.5 firmware=2.0.1");
            }
        });
        server.add(new CoapResource("config") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.UNAUTHORIZED);
            }
        });
        server.start();
        return server;
    }

    @Test
    void readableResourcesWithoutDtlsFailAndEachPathIsNamed() {
        CoapServer server = device();
        try {
            int port = server.getEndpoints().getFirst().getAddress().getPort();
            DeviceContext device = UdpChecks.device(500);
            List<Finding> findings = new CoapExposureCheck(port).run(device);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(f.port()).isEqualTo(port);
                assertThat(f.summary()).contains("/.well-known/core", "/status 2.05").contains("not readable: /config 4.01");
                assertThat(f.evidence()).anySatisfy(e -> assertThat(e.received()).contains("temperature=21.5"));
            });
            assertThat(device.answeringUdpServices()).containsEntry(port, "coap");
        } finally {
            server.destroy();
        }
    }

    @Test
    void closedPortPassesBecauseNoCoapServerIsThere() {
        int port = TestProbe.unusedUdpPort();
        List<Finding> findings = new CoapExposureCheck(port).run(UdpChecks.device(500));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.PASS);
            assertThat(f.summary()).contains("closed (ICMP port unreachable)");
        });
    }

    @Test
    void silencePassesNothingItIsNotReached() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DeviceContext device = UdpChecks.device(300);
            List<Finding> findings = new CoapExposureCheck(silent.getLocalPort()).run(device);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
                assertThat(f.summary()).startsWith("not reached");
            });
            assertThat(device.answeringUdpServices()).isEmpty();
        }
    }

    @Test
    void linksToOtherHostsAreNeverFollowed() {
        assertThat(CoapExposureCheck.localPaths("</a>;ct=0,<coap://198.51.100.7/b>,</c/d>;obs,</a>"))
                .containsExactly("/a", "/c/d");
    }
}
