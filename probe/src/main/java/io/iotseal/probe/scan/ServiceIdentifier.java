package io.iotseal.probe.scan;

import io.iotseal.probe.credential.MqttLogin;
import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.http.HttpResponse;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.http.RawRtsp;
import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.tls.FtpAuthTls;
import io.iotseal.probe.tls.TlsSockets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds out what speaks on an open port by its behaviour, not its number (devices move services to odd
 * ports): first listen for a server greeting (SSH, FTP, Telnet), then try TLS, then HTTP and RTSP (an
 * {@code OPTIONS * RTSP/1.0}), then an MQTT CONNECT. Each step is one short, read-only connection.
 */
public final class ServiceIdentifier {
    /** RTSP's registered port (RFC 2326) and the common alternative; other ports are found by behaviour. */
    private static final java.util.Set<Integer> RTSP_PORTS = java.util.Set.of(554, 8554);
    private static final Pattern FIRST_LINE_OR_PROMPT = Pattern.compile("\n|:\\s*$");
    private static final Pattern FTP_GREETING = Pattern.compile("^220[ -]");
    private static final Pattern LOGIN_PROMPT = Pattern.compile("(?i)(login|username|password)\\s*:\\s*$");
    private static final Pattern SHELL_PROMPT = Pattern.compile("[#$>%]\\s*$");
    private static final Pattern PROMPT = Pattern.compile(LOGIN_PROMPT.pattern() + "|" + SHELL_PROMPT.pattern());

    private ServiceIdentifier() {
    }

    /** @param bannerWaitMillis how long to wait for a server-first greeting */
    public static Service identify(Dialer dialer, int port, long bannerWaitMillis) {
        List<Exchange> evidence = new ArrayList<>();
        byte[] greeting = new byte[0];
        try (Connection c = dialer.connect(port)) {
            greeting = c.readUntil(FIRST_LINE_OR_PROMPT, bannerWaitMillis);
            String first = new String(greeting, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (greeting.length > 0 && !first.startsWith("SSH-") && !FTP_GREETING.matcher(first).find()
                    && !PROMPT.matcher(first).find()) {
                // A Telnet-like service may print a banner line before its prompt: wait for the prompt too.
                byte[] more = c.readUntil(PROMPT, bannerWaitMillis);
                greeting = java.util.Arrays.copyOf(greeting, greeting.length + more.length);
                System.arraycopy(more, 0, greeting, greeting.length - more.length, more.length);
            }
        } catch (IOException e) {
            return new Service(port, ServiceKind.UNKNOWN, false, "", List.of(new Exchange("", "connect", e.toString())));
        }
        if (greeting.length > 0) {
            String text = Connection.printable(greeting);
            evidence.add(new Exchange("", "(connect and listen)", text));
            String firstLine = text.lines().findFirst().orElse("").strip();
            if (text.startsWith("SSH-")) {
                // The protocol part (SSH-2.0-) is mandatory; what follows is the software version.
                return new Service(port, ServiceKind.SSH, false, firstLine.replaceFirst("^SSH-[\\d.]+-", ""), evidence);
            }
            if ((greeting[0] & 0xff) == 0xff || LOGIN_PROMPT.matcher(text).find() || SHELL_PROMPT.matcher(text).find()) {
                return new Service(port, ServiceKind.TELNET, false, stripTelnet(greeting), evidence);
            }
            if (FTP_GREETING.matcher(text).find()) {
                return new Service(port, ServiceKind.FTP, offersAuthTls(dialer, port, evidence), firstLine, evidence);
            }
            return new Service(port, ServiceKind.UNKNOWN, false, firstLine, evidence);
        }
        boolean tls = speaksTls(dialer, port, evidence);
        boolean answered;
        try {
            HttpResponse r = RawHttp.get(dialer, port, tls, "/", Map.of());
            evidence.add(new Exchange("", r.rawRequest(), r.rawResponse()));
            // An RTSP server may answer GET in HTTP (GStreamer's rtsp-server: "HTTP/1.1 503", for its
            // RTSP-over-HTTP tunnel), so an HTTP answer is asked the RTSP question too: one short connection.
            Service rtsp = rtsp(dialer, port, tls, evidence);
            if (rtsp != null) {
                return rtsp;
            }
            String banner = (r.header("server").isEmpty() ? "" : "Server: " + r.header("server"))
                    + (r.header("x-powered-by").isEmpty() ? "" : " X-Powered-By: " + r.header("x-powered-by"));
            return new Service(port, ServiceKind.HTTP, tls, banner, evidence);
        } catch (java.net.SocketTimeoutException silent) {
            answered = false;
            evidence.add(new Exchange("", "GET / HTTP/1.1", "no HTTP answer: " + silent.getMessage()));
        } catch (IOException notHttp) {
            answered = true;
            evidence.add(new Exchange("", "GET / HTTP/1.1", "no HTTP answer: " + notHttp.getMessage()));
        }
        if (answered || RTSP_PORTS.contains(port)) {
            // Something answered GET, but not in HTTP (an RTSP server may answer "RTSP/1.0 400"), or the port is
            // RTSP's own. A port that stayed silent is not asked again, so silent ports cost no extra wait.
            Service rtsp = rtsp(dialer, port, tls, evidence);
            if (rtsp != null) {
                return rtsp;
            }
        }
        var mqtt = new MqttLogin(dialer, port, tls).attempt(MqttLogin.ANONYMOUS);
        if (mqtt.transcript().stream().anyMatch(x -> x.received().startsWith("CONNACK"))) {
            evidence.addAll(mqtt.transcript());
            return new Service(port, ServiceKind.MQTT, tls, "", evidence);
        }
        return new Service(port, ServiceKind.UNKNOWN, tls, "", evidence);
    }

    /**
     * RTSP, told by its answer to {@code OPTIONS * RTSP/1.0} (RFC 2326 section 10.1; RFC 7826 section
     * 13.1): any status line starting {@code RTSP/}, whatever the status, since a camera may ask for
     * credentials even for OPTIONS. Null when the answer is not RTSP.
     */
    private static Service rtsp(Dialer dialer, int port, boolean tls, List<Exchange> evidence) {
        try {
            HttpResponse r = RawRtsp.options(dialer, port, tls);
            evidence.add(new Exchange("", r.rawRequest().strip(), r.rawResponse()));
            return new Service(port, ServiceKind.RTSP, tls, r.header("server").isEmpty() ? ""
                    : "Server: " + r.header("server"), evidence);
        } catch (IOException notRtsp) {
            return null;
        }
    }

    /** Whether an FTP server upgrades its control connection with AUTH TLS (RFC 4217): FTPS. */
    private static boolean offersAuthTls(Dialer dialer, int port, List<Exchange> evidence) {
        try (Connection c = dialer.connect(port)) {
            String answer = FtpAuthTls.start(c, dialer.target().host(), port, dialer.timeout().toMillis(),
                    TlsSockets.ALL_PROTOCOLS);
            evidence.add(new Exchange("", "AUTH TLS", answer.strip() + (FtpAuthTls.accepted(answer)
                    ? "; TLS handshake completed" : "")));
            return FtpAuthTls.accepted(answer);
        } catch (IOException e) {
            evidence.add(new Exchange("", "AUTH TLS", "failed: " + e.getMessage()));
            return false;
        }
    }

    private static boolean speaksTls(Dialer dialer, int port, List<Exchange> evidence) {
        try (Connection c = dialer.connect(port)) {
            var socket = TlsSockets.handshake(c, dialer.target().host(), port, TlsSockets.ALL_PROTOCOLS);
            evidence.add(new Exchange("", "TLS ClientHello", "TLS handshake completed: "
                    + socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Telnet greeting text without option negotiation bytes (IAC sequences are 3 bytes). */
    static String stripTelnet(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xff;
            if (b == 0xff) {
                i += 2;
            } else if (b >= 0x20 && b < 0x7f || b == '\n') {
                sb.append((char) b);
            }
        }
        return sb.toString().strip();
    }
}
