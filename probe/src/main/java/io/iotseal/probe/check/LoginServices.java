package io.iotseal.probe.check;

import io.iotseal.probe.credential.FtpLogin;
import io.iotseal.probe.credential.HttpLogin;
import io.iotseal.probe.credential.LoginClient;
import io.iotseal.probe.credential.MqttLogin;
import io.iotseal.probe.credential.SshLogin;
import io.iotseal.probe.credential.TelnetLogin;
import io.iotseal.probe.http.AuthChallenge;
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
                    }
                }
                case UNKNOWN -> {
                    // Nothing the probe knows how to log in to.
                }
            }
        }
        return clients;
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
