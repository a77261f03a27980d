package io.iotseal.probe.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A device web UI on 127.0.0.1 with an HTML form login (JDK HTTP server): "/" redirects to /cgi-bin/login
 * without a session; GET there sets a session cookie and shows a POST form (relative action) with a CSRF
 * token in a hidden input tied to that session; POST checks the token (403 without it or with another
 * session's), then the pair: right answers 302 to /home, wrong shows the form again with an error text.
 */
public final class SimulatedFormDevice implements AutoCloseable {
    private final HttpServer server;
    private final String user;
    private final String password;
    private final String userField;
    private final String passwordField;
    /** Session id to its CSRF token. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SimulatedFormDevice(String user, String password, String userField, String passwordField) throws IOException {
        this.user = user;
        this.password = password;
        this.userField = userField;
        this.passwordField = passwordField;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.equals("/")) {
            x.getResponseHeaders().add("Location", "/cgi-bin/login");
            send(x, 302, "");
        } else if (path.equals("/cgi-bin/login") && x.getRequestMethod().equals("GET")) {
            String session = hex();
            sessions.put(session, hex());
            x.getResponseHeaders().add("Set-Cookie", "SID=" + session + "; Path=/; HttpOnly");
            send(x, 200, form(session, ""));
        } else if (path.equals("/cgi-bin/login") && x.getRequestMethod().equals("POST")) {
            String cookie = x.getRequestHeaders().getFirst("Cookie");
            String session = cookie == null ? "" : cookie.replaceAll(".*SID=([0-9a-f]+).*", "$1");
            Map<String, String> form = parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String token = sessions.get(session);
            if (token == null || !token.equals(form.get("token"))) {
                send(x, 403, "<p>Invalid request</p>");
                return;
            }
            sessions.put(session, hex());
            if (user.equals(form.get(userField)) && password.equals(form.get(passwordField))) {
                x.getResponseHeaders().add("Location", "/home");
                x.getResponseHeaders().add("Set-Cookie", "SID=" + hex() + "; Path=/; HttpOnly");
                send(x, 302, "");
            } else {
                send(x, 200, form(session, "<p class=err>Login failed</p>"));
            }
        } else {
            send(x, 404, "not found");
        }
    }

    private String form(String session, String error) {
        return "<html><body>" + error + "<FORM Method=POST action='login'>"
                + "<input type=hidden name=token value=\"" + sessions.get(session) + "\">"
                + "<input name=" + userField + "><input type=password name=" + passwordField + ">"
                + "<input type=checkbox name=remember value=1>"
                + "<input type=submit value=Login></FORM></body></html>";
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private String hex() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
