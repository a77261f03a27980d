package io.iotseal.probe.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** A minimal FTP control channel: greeting, USER/PASS, QUIT; optionally anonymous logins. */
public final class SimulatedFtpDevice extends LineServer {
    private final String user;
    private final String password;
    private final boolean anonymous;
    private final String greeting;

    public SimulatedFtpDevice(String user, String password, boolean anonymous, String greeting) throws IOException {
        this.user = user;
        this.password = password;
        this.anonymous = anonymous;
        this.greeting = greeting;
    }

    @Override
    protected void handle(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        send(client, "220 " + greeting + "\r\n");
        String u = null;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.startsWith("USER ")) {
                u = line.substring(5);
                send(client, "331 Please specify the password.\r\n");
            } else if (line.startsWith("PASS ")) {
                String p = line.substring(5);
                boolean ok = (anonymous && "anonymous".equals(u)) || (user.equals(u) && password.equals(p));
                send(client, ok ? "230 Login successful.\r\n" : "530 Login incorrect.\r\n");
            } else if (line.startsWith("QUIT")) {
                send(client, "221 Goodbye.\r\n");
                return;
            } else {
                send(client, "530 Please login with USER and PASS.\r\n");
            }
        }
    }
}
