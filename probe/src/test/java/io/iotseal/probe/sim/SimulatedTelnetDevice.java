package io.iotseal.probe.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A BusyBox-like Telnet login: option negotiation, "login:", "Password:", then a root shell prompt or
 * "Login incorrect". With {@code askLogin=false} it drops straight into a shell, like a debug telnetd.
 */
public final class SimulatedTelnetDevice extends LineServer {
    private static final String NEGOTIATION = "\u00ff\u00fb\u0001\u00ff\u00fb\u0003\u00ff\u00fd\u0018";
    private final String user;
    private final String password;
    private final boolean askLogin;
    /** Pause before "Login incorrect", like /bin/login's 3 s (FAIL_DELAY). */
    private volatile long failureDelayMillis;

    public SimulatedTelnetDevice(String user, String password, boolean askLogin) throws IOException {
        this.user = user;
        this.password = password;
        this.askLogin = askLogin;
    }

    public SimulatedTelnetDevice failureDelay(java.time.Duration delay) {
        this.failureDelayMillis = delay.toMillis();
        return this;
    }

    @Override
    protected void handle(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        send(client, NEGOTIATION + "\r\nBusyBox v1.19.4 (2014-03-01) built-in shell\r\n");
        if (!askLogin) {
            send(client, "# ");
            readLine(in);
            return;
        }
        send(client, "camera login: ");
        String u = readLine(in);
        send(client, "Password: ");
        String p = readLine(in);
        if (user.equals(u) && password.equals(p)) {
            send(client, "\r\n\r\n~ # ");
            readLine(in); // the probe's "exit"
        } else {
            if (failureDelayMillis > 0) {
                try {
                    Thread.sleep(failureDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            send(client, "\r\nLogin incorrect\r\n");
        }
    }
}
