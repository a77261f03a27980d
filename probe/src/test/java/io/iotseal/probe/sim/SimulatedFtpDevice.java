package io.iotseal.probe.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A minimal FTP control channel: greeting, USER/PASS, QUIT; optionally anonymous logins, and optionally
 * AUTH TLS (RFC 4217), required before USER like vsftpd's force_local_logins_ssl.
 */
public final class SimulatedFtpDevice extends LineServer {
    private final String user;
    private final String password;
    private final boolean anonymous;
    private final String greeting;
    private final javax.net.ssl.SSLContext tls;
    /** When set, USER for anyone but "anonymous" gets this 530 line at once (vsftpd anonymous-only or TLS-required). */
    private volatile String refuseUserWith;

    public SimulatedFtpDevice(String user, String password, boolean anonymous, String greeting) throws IOException {
        this(user, password, anonymous, greeting, null);
    }

    /** @param tls when not null, AUTH TLS is offered and required before USER */
    public SimulatedFtpDevice(String user, String password, boolean anonymous, String greeting,
                              javax.net.ssl.SSLContext tls) throws IOException {
        this.user = user;
        this.password = password;
        this.anonymous = anonymous;
        this.greeting = greeting;
        this.tls = tls;
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
    protected void handle(Socket plain) throws IOException {
        Socket client = plain;
        InputStream in = client.getInputStream();
        send(client, "220 " + greeting + "\r\n");
        String u = null;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals("AUTH TLS")) {
                if (tls == null || client != plain) {
                    send(client, "502 AUTH TLS not available.\r\n");
                    continue;
                }
                send(client, "234 Proceed with negotiation.\r\n");
                var secure = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(plain,
                        plain.getInetAddress().getHostAddress(), plain.getPort(), true);
                secure.setUseClientMode(false);
                // The probe's JVM re-enables legacy protocols for its client side; this server offers only these.
                secure.setEnabledProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
                secure.startHandshake();
                client = secure;
                in = client.getInputStream();
            } else if (tls != null && client == plain && line.startsWith("USER ")) {
                send(client, "530 Non-anonymous sessions must use encryption.\r\n");
            } else if (line.startsWith("USER ")) {
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
