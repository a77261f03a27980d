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
 * A deliberately small HTTP/1.1 client over the probe's own connections: one request per connection (GET,
 * or the POST of a login form), no redirects followed, no cookie jar, bounded reads. We write requests ourselves because the probe must control and
 * record exactly what goes over the wire, including the Authorization header (the JDK client only does
 * Basic authentication and hides the exchange).
 */
public final class RawHttp {
    private static final Pattern END_OF_HEADERS = Pattern.compile("\r?\n\r?\n");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})");
    /** Body bytes kept: enough to see a page title, an error message or a small login form. */
    private static final int BODY_LIMIT = 16384;

    private RawHttp() {
    }

    /**
     * Sends {@code GET path} with the given extra headers and returns the response.
     *
     * @throws IOException when the connection fails or the peer does not answer with HTTP
     */
    public static HttpResponse get(Dialer dialer, int port, boolean tls, String path, Map<String, String> extraHeaders)
            throws IOException {
        return request(dialer, port, tls, "GET", path, extraHeaders, null);
    }

    /**
     * Sends {@code method path} with the given extra headers and, when {@code body} is not null, that body
     * as {@code application/x-www-form-urlencoded} (a login form).
     *
     * @throws IOException when the connection fails or the peer does not answer with HTTP
     */
    public static HttpResponse request(Dialer dialer, int port, boolean tls, String method, String path,
                                       Map<String, String> extraHeaders, String body) throws IOException {
        return request(dialer, port, tls, method, path, extraHeaders, body, "application/x-www-form-urlencoded");
    }

    /** The same with another body type (ONVIF's SOAP: {@code application/soap+xml}). */
    public static HttpResponse request(Dialer dialer, int port, boolean tls, String method, String path,
                                       Map<String, String> extraHeaders, String body, String contentType)
            throws IOException {
        return request(dialer, port, tls, method, path, extraHeaders, body, contentType, dialer.timeout().toMillis());
    }

    /**
     * The same, waiting up to {@code waitMillis} for the answer (a login service that delays failures:
     * the wait its {@code PatientLogin} learned). Connects still use the dialer's timeout.
     */
    public static HttpResponse request(Dialer dialer, int port, boolean tls, String method, String path,
                                       Map<String, String> extraHeaders, String body, String contentType,
                                       long waitMillis) throws IOException {
        String host = dialer.target().address().getHostAddress();
        String hostHeader = host.contains(":") ? "[" + host + "]" : host;
        StringBuilder req = new StringBuilder();
        req.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(hostHeader).append(port == (tls ? 443 : 80) ? "" : ":" + port).append("\r\n");
        req.append("User-Agent: iotseal-probe\r\n");
        req.append("Accept: */*\r\n");
        extraHeaders.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            req.append("Content-Type: ").append(contentType).append("\r\n");
            req.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        req.append("Connection: close\r\n\r\n");
        if (body != null) {
            req.append(body);
        }
        return exchange(dialer, port, tls, req.toString(), STATUS_LINE, "HTTP", waitMillis);
    }

    /**
     * Sends one request written by the caller over a fresh connection and reads a response of the HTTP
     * family (HTTP, RTSP: same message syntax, RFC 9112 and RFC 7826 section 8) whose status line
     * {@code statusLine} matches, its group 1 being the status code.
     */
    static HttpResponse exchange(Dialer dialer, int port, boolean tls, String request, Pattern statusLine,
                                 String protocol, long waitMillis) throws IOException {
        String host = dialer.target().address().getHostAddress();
        try (Connection c = dialer.connect(port)) {
            if (tls) {
                TlsSockets.handshake(c, host, port, TlsSockets.ALL_PROTOCOLS);
            }
            c.write(request.getBytes(StandardCharsets.UTF_8));
            long wait = waitMillis;
            byte[] head = c.readUntil(END_OF_HEADERS, wait);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (head.length == 0) {
                // Nothing at all before the wait ended or the peer closed: not a wrong protocol, no answer.
                throw new java.net.SocketTimeoutException("no answer within " + wait + " ms");
            }
            var status = statusLine.matcher(text);
            if (!status.find()) {
                throw new IOException("not an " + protocol + " response: " + Connection.printable(
                        java.util.Arrays.copyOf(head, Math.min(head.length, 80))));
            }
            var end = END_OF_HEADERS.matcher(text);
            int headerEnd = end.find() ? end.start() : text.length();
            String headerBlock = text.substring(0, headerEnd);
            String body = headerEnd < text.length() ? text.substring(end.end()) : "";
            Map<String, List<String>> headers = parseHeaders(headerBlock);
            int length = contentLength(headers);
            if (length >= 0) {
                // Read what Content-Length announces (up to the limit), then stop: an RTSP server keeps the
                // connection open, so waiting for the end would cost the whole wait on every answer.
                int need = Math.min(length, BODY_LIMIT) - body.length();
                if (need > 0) {
                    body += new String(c.readUntil(Pattern.compile("(?s)\\A.{" + need + "}"), wait),
                            StandardCharsets.ISO_8859_1);
                }
            } else if (!protocol.equals("RTSP") && body.length() < BODY_LIMIT) {
                // RTSP without Content-Length has no body (RFC 2326 section 12.14); HTTP reads until close.
                body += new String(c.readUntil(null, Math.min(wait, 300)), StandardCharsets.ISO_8859_1);
            }
            if (body.length() > BODY_LIMIT) {
                body = body.substring(0, BODY_LIMIT);
            }
            return new HttpResponse(Integer.parseInt(status.group(1)), headers, body, request, headerBlock);
        }
    }

    /** The Content-Length header's value, or -1 when absent or not a number. */
    private static int contentLength(Map<String, List<String>> headers) {
        List<String> values = headers.get("content-length");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(values.getFirst().strip());
        } catch (NumberFormatException e) {
            return -1;
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
