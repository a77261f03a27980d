package io.iotseal.probe.check;

import io.iotseal.probe.credential.FormLogin;
import io.iotseal.probe.credential.FormLoginList;
import io.iotseal.probe.credential.FtpLogin;
import io.iotseal.probe.credential.HttpLogin;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.MqttLogin;
import io.iotseal.probe.credential.RtspLogin;
import io.iotseal.probe.credential.SshLogin;
import io.iotseal.probe.credential.TelnetLogin;
import io.iotseal.probe.http.AuthChallenge;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.scan.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The services of a device that take a user name and password, as login clients. */
final class LoginServices {
    private LoginServices() {
    }

    static List<LoginClient> of(DeviceContext device) {
        List<LoginClient> clients = new ArrayList<>();
        for (Service s : device.services()) {
            int port = s.port();
            switch (s.kind()) {
                case SSH -> clients.add(new SshLogin(device.dialer(), port, device.sshClient()));
                case TELNET -> clients.add(new TelnetLogin(device.dialer(), port));
                case FTP -> clients.add(new FtpLogin(device.dialer(), port, s.tls()));
                case MQTT -> clients.add(new MqttLogin(device.dialer(), port, s.tls()));
                case HTTP -> {
                    HttpLogin http = new HttpLogin(device.dialer(), port, s.tls(), device.settings().httpPath());
                    if (asksForPassword(http)) {
                        clients.add(http);
                    } else {
                        formLogin(device, s).ifPresent(clients::add);
                    }
                }
                case RTSP -> rtspLogin(device, s).ifPresent(clients::add);
                case UNKNOWN -> {
                    // Nothing the probe knows how to log in to.
                }
            }
        }
        return clients;
    }

    /**
     * The first of the configured stream paths whose DESCRIBE answers 401 with a Basic or Digest challenge.
     * None when no path asks for credentials: then a stream is open to anyone or the probe does not know
     * its path, which anonymous-access reports.
     */
    static java.util.Optional<RtspLogin> rtspLogin(DeviceContext device, Service s) {
        for (String path : device.settings().rtspPaths()) {
            RtspLogin rtsp = new RtspLogin(device.dialer(), s.port(), s.tls(), path);
            try {
                var r = rtsp.describeUnauthenticated();
                if (r.status() == 401 && AuthChallenge.best(r.headers("www-authenticate")).isPresent()) {
                    return java.util.Optional.of(rtsp);
                }
            } catch (IOException e) {
                // No answer for this path: try the next.
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The first entry of the form-login list whose form one of its pages shows (the {@code --http-path}
     * page first, then the entry's own paths; a redirect to another page of the same server is followed
     * once, as a device's "/" often sends a browser to its login page). Each page is fetched once.
     */
    static java.util.Optional<FormLogin> formLogin(DeviceContext device, Service s) {
        java.util.Map<String, java.util.Optional<java.util.Map.Entry<String, String>>> pages = new java.util.HashMap<>();
        for (FormLoginList.Entry entry : FormLoginList.builtIn().entries()) {
            java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>();
            paths.add(device.settings().httpPath());
            paths.addAll(entry.paths());
            for (String path : paths) {
                var page = pages.computeIfAbsent(path, p -> fetchFollowingOnce(device, s, p));
                if (page.isPresent() && FormLogin.loginForm(page.get().getValue(), entry).isPresent()) {
                    return java.util.Optional.of(new FormLogin(device.dialer(), s.port(), s.tls(), page.get().getKey(), entry));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The page at {@code path} (final path to body), following one redirect to the same server. */
    private static java.util.Optional<java.util.Map.Entry<String, String>> fetchFollowingOnce(DeviceContext device,
                                                                                             Service s, String path) {
        try {
            var r = RawHttp.get(device.dialer(), s.port(), s.tls(), path, java.util.Map.of());
            if (r.status() >= 300 && r.status() < 400 && !r.header("location").isEmpty()) {
                var target = sameServerPath(device, s, path, r.header("location"));
                if (target.isEmpty()) {
                    return java.util.Optional.empty();
                }
                r = RawHttp.get(device.dialer(), s.port(), s.tls(), target.get(), java.util.Map.of());
                path = target.get();
            }
            return r.status() == 200 ? java.util.Optional.of(java.util.Map.entry(path, r.body())) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> sameServerPath(DeviceContext device, Service s, String from, String location) {
        String host = device.dialer().target().address().getHostAddress();
        java.net.URI base = java.net.URI.create((s.tls() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + s.port() + from);
        java.net.URI to = base.resolve(location.strip());
        boolean sameServer = base.getScheme().equalsIgnoreCase(to.getScheme()) && base.getAuthority().equalsIgnoreCase(to.getAuthority())
                || to.getHost() != null && to.getHost().equals(host) && (to.getPort() == s.port()
                || to.getPort() == -1 && s.port() == (s.tls() ? 443 : 80));
        if (!sameServer || to.getRawPath() == null || to.getRawPath().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()));
    }

    /** Whether the page answers 401 with a Basic or Digest challenge. */
    private static boolean asksForPassword(HttpLogin http) {
        try {
            var r = http.fetchUnauthenticated();
            return r.status() == 401 && AuthChallenge.best(r.headers("www-authenticate")).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** The identified service behind a login client. */
    static Service serviceOf(DeviceContext device, LoginClient client) {
        return device.services().stream().filter(s -> s.port() == client.port()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no service on port " + client.port()));
    }
}
