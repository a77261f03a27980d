package io.iotseal.probe.check;

import com.sun.net.httpserver.HttpServer;
import io.iotseal.probe.TestProbe;
import io.iotseal.probe.finding.Finding;
import io.iotseal.probe.finding.Verdict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static io.iotseal.probe.check.DefaultCredentialCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

/** ONVIF GetDeviceInformation without credentials (issue 15 "Coverage", ADR 0089), against a small SOAP simulator. */
class OnvifDeviceInformationTest {
    private static final String INFO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" \
            xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><SOAP-ENV:Body><tds:GetDeviceInformationResponse>\
            <tds:Manufacturer>SimCam</tds:Manufacturer><tds:Model>SC-1</tds:Model>\
            <tds:FirmwareVersion>V5.4.0</tds:FirmwareVersion><tds:SerialNumber>123</tds:SerialNumber>\
            <tds:HardwareId>88</tds:HardwareId></tds:GetDeviceInformationResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>""";
    private static final String FAULT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error">\
            <env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode>\
            <env:Value>ter:NotAuthorized</env:Value></env:Subcode></env:Code></env:Fault></env:Body></env:Envelope>""";

    /** A web server answering POST /onvif/device_service with {@code status} and {@code body} (null: 404 for everything). */
    private static HttpServer server(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", x -> {
            boolean onvif = body != null && x.getRequestMethod().equals("POST")
                    && x.getRequestURI().getPath().equals("/onvif/device_service")
                    && new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).contains("GetDeviceInformation");
            byte[] bytes = (onvif ? body : "not found").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", onvif ? "application/soap+xml" : "text/plain");
            x.sendResponseHeaders(onvif ? status : 404, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        server.start();
        return server;
    }

    @Test
    void deviceInformationForAnyoneFails() throws Exception {
        HttpServer server = server(200, INFO);
        try {
            Finding f = only(TestProbe.run(AnonymousAccessCheck.ID, server.getAddress().getPort()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.FAIL);
            assertThat(f.summary()).contains("Manufacturer=SimCam", "FirmwareVersion=V5.4.0");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSoapFaultPasses() throws Exception {
        HttpServer server = server(400, FAULT);
        try {
            Finding f = only(TestProbe.run(AnonymousAccessCheck.ID, server.getAddress().getPort()));
            assertThat(f.verdict()).as(f.summary()).isEqualTo(Verdict.PASS);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebServerWithoutOnvifIsNotJudged() throws Exception {
        HttpServer server = server(404, null);
        try {
            Finding f = only(TestProbe.run(AnonymousAccessCheck.ID, server.getAddress().getPort()));
            assertThat(f.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(f.port()).isZero();
        } finally {
            server.stop(0);
        }
    }
}
