package io.iotseal.probe.http;

import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.tls.TlsSockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deliberately small HTTP/1.1 client over the probe's own connections: one GET per connection, no
 * redirects, no cookies, bounded reads. We write requests ourselves because the probe must control and
 * record exactly what goes over the wire, including the Authorization header (the JDK client only does
 * Basic authentication and hides the exchange).
 */
public final class RawHttp {
    private static final Pattern END_OF_HEADERS = Pattern.compile("\r?\n\r?\n");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})");
    /** Body bytes kept: enough to see a page title or an error message. */
    private static final int BODY_LIMIT = 4096;

    private RawHttp() {
    }

    /**
     * Sends {@code GET path} with the given extra headers and returns the response.
     *
     * @throws IOException when the connection fails or the peer does not answer with HTTP
     */
    public static HttpResponse get(Dialer dialer, int port, boolean tls, String path, Map<String, String> extraHeaders)
            throws IOException {
        String host = dialer.target().address().getHostAddress();
        String hostHeader = host.contains(":") ? "[" + host + "]" : host;
        StringBuilder req = new StringBuilder();
        req.append("GET ").append(path).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(hostHeader).append(port == (tls ? 443 : 80) ? "" : ":" + port).append("\r\n");
        req.append("User-Agent: iotseal-probe\r\n");
        req.append("Accept: */*\r\n");
        extraHeaders.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("Connection: close\r\n\r\n");
        try (Connection c = dialer.connect(port)) {
            if (tls) {
                TlsSockets.handshake(c, host, port, TlsSockets.ALL_PROTOCOLS);
            }
            c.write(req.toString().getBytes(StandardCharsets.UTF_8));
            long wait = dialer.timeout().toMillis();
            byte[] head = c.readUntil(END_OF_HEADERS, wait);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            var status = STATUS_LINE.matcher(text);
            if (!status.find()) {
                throw new IOException("not an HTTP response: " + Connection.printable(
                        java.util.Arrays.copyOf(head, Math.min(head.length, 80))));
            }
            var end = END_OF_HEADERS.matcher(text);
            int headerEnd = end.find() ? end.start() : text.length();
            String headerBlock = text.substring(0, headerEnd);
            String body = headerEnd < text.length() ? text.substring(end.end()) : "";
            if (body.length() < BODY_LIMIT) {
                body += new String(c.readUntil(null, Math.min(wait, 300)), StandardCharsets.ISO_8859_1);
            }
            if (body.length() > BODY_LIMIT) {
                body = body.substring(0, BODY_LIMIT);
            }
            return new HttpResponse(Integer.parseInt(status.group(1)), parseHeaders(headerBlock), body,
                    req.toString(), headerBlock);
        }
    }

    static Map<String, List<String>> parseHeaders(String block) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String[] lines = block.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        return headers;
    }
}
