package io.iotseal.probe.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device web UI on 127.0.0.1 (JDK HTTP server) whose admin page "/" needs HTTP Basic or Digest
 * authentication. Digest is verified independently of the probe's implementation, per RFC 7616.
 * Optional: TLS with a given context and protocol versions, a lockout answering 429, a UPnP description.
 */
public final class SimulatedHttpDevice implements AutoCloseable {
    public enum Scheme { BASIC, DIGEST_MD5, DIGEST_SHA256 }

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private final HttpServer server;
    private final Scheme scheme;
    private final String user;
    private final String password;
    private final Lockout lockout;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    /** Status of the page after a correct login: 403 is lighttpd's answer when the directory has no index. */
    private volatile int statusAfterLogin = 200;
    /** The login page served with a 401 (its title names the product, as on real devices), or null for none. */
    private volatile String loginPage;
    /** Pause before answering a wrong credential, per request (parallel requests are not serialised). */
    private volatile long failureDelayMillis;

    public SimulatedHttpDevice(Scheme scheme, String user, String password, String serverHeader, Lockout lockout,
                               SSLContext tls, String... tlsProtocols) throws IOException {
        this(InetAddress.getLoopbackAddress(), scheme, user, password, serverHeader, lockout, tls, tlsProtocols);
    }

    /** @param bind a loopback address: 127.0.0.1 or ::1 */
    public SimulatedHttpDevice(InetAddress bind, Scheme scheme, String user, String password, String serverHeader,
                               Lockout lockout, SSLContext tls, String... tlsProtocols) throws IOException {
        if (!bind.isLoopbackAddress()) {
            throw new IllegalArgumentException("simulated devices only listen on loopback, not " + bind);
        }
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.lockout = lockout;
        InetSocketAddress address = new InetSocketAddress(bind, 0);
        if (tls == null) {
            server = HttpServer.create(address, 50);
        } else {
            HttpsServer https = HttpsServer.create(address, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    var p = tls.getDefaultSSLParameters();
                    if (tlsProtocols.length > 0) {
                        p.setProtocols(tlsProtocols);
                    }
                    params.setSSLParameters(p);
                }
            });
            server = https;
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                if (serverHeader != null) {
                    exchange.getResponseHeaders().add("Server", serverHeader);
                }
                handle(exchange);
            }
        });
        server.start();
    }

    /** Answers {@code status} (e.g. 403 or 404) instead of 200 once the credential is right. */
    public SimulatedHttpDevice statusAfterLogin(int status) {
        this.statusAfterLogin = status;
        return this;
    }

    /** Serves a login page with this title along with each 401, for the survey's HTTP_TITLE fingerprint. */
    public SimulatedHttpDevice loginPageTitle(String title) {
        this.loginPage = "<html><head><title>" + title + "</title></head><body>Please log in</body></html>";
        return this;
    }

    /** Delays every answer to a wrong credential, like a server that sleeps after each failure. */
    public SimulatedHttpDevice failureDelay(java.time.Duration delay) {
        this.failureDelayMillis = delay.toMillis();
        return this;
    }

    /** Serves a UPnP device description at {@code path}, without authentication. */
    public void describe(String path, String xml) {
        server.createContext(path, exchange -> {
            try (exchange) {
                byte[] body = xml.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (lockout.locked()) {
            exchange.sendResponseHeaders(429, -1);
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            if (valid(auth, exchange.getRequestMethod())) {
                lockout.succeeded();
                byte[] body = "<html><title>Camera admin</title></html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(statusAfterLogin, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            lockout.failed();
            if (failureDelayMillis > 0) {
                try {
                    Thread.sleep(failureDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", challenge());
        String page = loginPage;
        if (page == null) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
    }

    private String challenge() {
        if (scheme == Scheme.BASIC) {
            return "Basic realm=\"IPCamera\"";
        }
        byte[] n = new byte[12];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        nonces.add(nonce);
        return "Digest realm=\"IPCamera\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"5ccc069c\", algorithm="
                + (scheme == Scheme.DIGEST_SHA256 ? "SHA-256" : "MD5");
    }

    private boolean valid(String auth, String method) {
        if (scheme == Scheme.BASIC) {
            String expected = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return auth.equals("Basic " + expected);
        }
        if (!auth.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(auth.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!nonces.contains(p.get("nonce")) || !user.equals(p.get("username"))) {
            return false;
        }
        String alg = scheme == Scheme.DIGEST_SHA256 ? "SHA-256" : "MD5";
        String ha1 = h(alg, user + ":IPCamera:" + password);
        String ha2 = h(alg, method + ":" + p.get("uri"));
        String expected = h(alg, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        return expected.equals(p.get("response"));
    }

    private static String h(String alg, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
