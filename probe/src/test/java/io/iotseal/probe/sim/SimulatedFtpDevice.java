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
    /** When set, USER for anyone but "anonymous" gets this 530 line at once (vsftpd anonymous-only or TLS-required). */
    private volatile String refuseUserWith;

    public SimulatedFtpDevice(String user, String password, boolean anonymous, String greeting) throws IOException {
        this.user = user;
        this.password = password;
        this.anonymous = anonymous;
        this.greeting = greeting;
    }

    /**
     * Answers USER for every account but "anonymous" with {@code reply} (a 530 line) before asking for a
     * password, as vsftpd does with {@code anonymous_enable=YES, local_enable=NO} ("530 This FTP server is
     * anonymous only.") or with {@code force_local_logins_ssl=YES} ("530 Non-anonymous sessions must use
     * encryption.").
     */
    public SimulatedFtpDevice refuseUsers(String reply) {
        this.refuseUserWith = reply;
        return this;
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
                if (refuseUserWith != null && !"anonymous".equals(u)) {
                    send(client, refuseUserWith + "\r\n");
                    continue;
                }
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
