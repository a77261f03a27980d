package io.iotseal.probe.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP camera's RTSP/1.0 server on 127.0.0.1 (RFC 2326): several requests per connection, as cameras
 * keep it open; OPTIONS answers 200; DESCRIBE of the stream path asks for Basic or Digest (MD5, RFC 2617
 * with qop=auth, verified here independently of the probe's code) and answers the SDP when the credential
 * is right; other paths get 404; an HTTP GET gets "HTTP/1.1 503", as GStreamer's server answers. Optional:
 * no authentication at all, and a lockout (503) after a number of wrong credentials.
 */
public final class SimulatedRtspCamera extends LineServer {
    public enum Auth { NONE, BASIC, DIGEST }

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private final Auth auth;
    private final String streamPath;
    private final String user;
    private final String password;
    private final int lockAfter;
    private final AtomicInteger failures = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    /** Pause before answering a wrong credential, as devices that slow guessing do. */
    private volatile long failureDelayMillis;

    /** @param lockAfter wrong credentials after which every DESCRIBE gets 503 (0 = never) */
    public SimulatedRtspCamera(Auth auth, String streamPath, String user, String password, int lockAfter) throws IOException {
        this.auth = auth;
        this.streamPath = streamPath;
        this.user = user;
        this.password = password;
        this.lockAfter = lockAfter;
    }

    public SimulatedRtspCamera failureDelay(long millis) {
        this.failureDelayMillis = millis;
        return this;
    }

    @Override
    protected void handle(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        while (true) {
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            String[] parts = requestLine.split(" ");
            if (parts.length == 3 && parts[2].startsWith("HTTP/")) {
                send(client, "HTTP/1.1 503 Service Unavailable\r\nServer: Sim RTSP Server\r\nConnection: close\r\n\r\n");
                return;
            }
            String cseq = headers.getOrDefault("cseq", "0");
            String head = "RTSP/1.0 %s\r\nCSeq: " + cseq + "\r\nServer: SimCam\r\n";
            switch (parts[0]) {
                case "OPTIONS" -> send(client, head.formatted("200 OK") + "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n");
                case "DESCRIBE" -> describe(client, head, parts[1], headers.getOrDefault("authorization", ""));
                default -> send(client, head.formatted("405 Method Not Allowed") + "\r\n");
            }
        }
    }

    private void describe(Socket client, String head, String uri, String authorization) throws IOException {
        String path = uri.replaceFirst("^rtsp://[^/]+", "");
        if (!path.equals(streamPath)) {
            send(client, head.formatted("404 Not Found") + "\r\n");
            return;
        }
        if (lockAfter > 0 && failures.get() >= lockAfter) {
            send(client, head.formatted("503 Service Unavailable") + "\r\n");
            return;
        }
        if (auth != Auth.NONE && !authorized(authorization, uri)) {
            if (!authorization.isEmpty()) {
                failures.incrementAndGet();
                pause(failureDelayMillis);
            }
            String challenge = auth == Auth.BASIC ? "Basic realm=\"SimCam\""
                    : "Digest realm=\"SimCam\", nonce=\"" + HexFormat.of().formatHex(random.generateSeed(8))
                    + "\", qop=\"auth\", algorithm=MD5";
            send(client, head.formatted("401 Unauthorized") + "WWW-Authenticate: " + challenge + "\r\n\r\n");
            return;
        }
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=SimCam\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
        send(client, head.formatted("200 OK") + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length()
                + "\r\n\r\n" + sdp);
    }

    private boolean authorized(String authorization, String uri) {
        if (auth == Auth.BASIC && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            return pair.equals(user + ":" + password);
        }
        if (auth == Auth.DIGEST && authorization.startsWith("Digest ")) {
            Map<String, String> p = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(authorization.substring(7));
            while (m.find()) {
                p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            }
            if (!uri.equals(p.get("uri")) || !user.equals(p.get("username"))) {
                return false;
            }
            String ha1 = md5(user + ":SimCam:" + password);
            String ha2 = md5("DESCRIBE:" + uri);
            String expected = md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
            return expected.equals(p.get("response"));
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
