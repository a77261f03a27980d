package io.iotseal.probe.http;

import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * RTSP requests (RFC 2326 for RTSP/1.0, which cameras speak; RFC 7826 for 2.0) over the probe's own
 * connections, one request per connection. RTSP messages have HTTP's syntax, so {@link RawHttp} reads the
 * answer; only the request line, the mandatory {@code CSeq} and the absolute request URI differ. The
 * probe sends only OPTIONS and DESCRIBE, which change nothing and start no stream (no SETUP or PLAY).
 */
public final class RawRtsp {
    private static final Pattern STATUS_LINE = Pattern.compile("^RTSP/\\d\\.\\d (\\d{3})");

    private RawRtsp() {
    }

    /** {@code OPTIONS * RTSP/1.0}: the request that tells an RTSP server by its answer (RFC 2326 section 10.1). */
    public static HttpResponse options(Dialer dialer, int port, boolean tls) throws IOException {
        return RawHttp.exchange(dialer, port, tls, "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: iotseal-probe\r\n\r\n",
                STATUS_LINE, "RTSP", dialer.timeout().toMillis());
    }

    /** {@code DESCRIBE uri RTSP/1.0} asking for SDP, with the given extra headers (Authorization). */
    public static HttpResponse describe(Dialer dialer, int port, boolean tls, String path,
                                        Map<String, String> extraHeaders) throws IOException {
        return describe(dialer, port, tls, path, extraHeaders, dialer.timeout().toMillis());
    }

    /** The same, waiting up to {@code waitMillis} for the answer. */
    public static HttpResponse describe(Dialer dialer, int port, boolean tls, String path,
                                        Map<String, String> extraHeaders, long waitMillis) throws IOException {
        StringBuilder req = new StringBuilder();
        req.append("DESCRIBE ").append(uri(dialer, port, tls, path)).append(" RTSP/1.0\r\n");
        req.append("CSeq: 2\r\n");
        req.append("User-Agent: iotseal-probe\r\n");
        req.append("Accept: application/sdp\r\n");
        extraHeaders.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        return RawHttp.exchange(dialer, port, tls, req.toString(), STATUS_LINE, "RTSP", waitMillis);
    }

    /**
     * The absolute request URI for {@code path} (RTSP requires absolute URIs, RFC 2326 section 6.1); Digest
     * answers name it as their {@code uri}, as RFC 2326 section 14.10 and RFC 7616 section 3.4 ask.
     */
    public static String uri(Dialer dialer, int port, boolean tls, String path) {
        String host = dialer.target().address().getHostAddress();
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "rtsps://" : "rtsp://") + hostPart + (port == (tls ? 322 : 554) ? "" : ":" + port) + path;
    }
}
