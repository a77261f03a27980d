package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Redactor;
import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;

import io.iotseal.probe.tls.FtpAuthTls;
import io.iotseal.probe.tls.TlsSockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FTP login (RFC 959): {@code USER}, {@code PASS}, judged by the reply code (230 logged in, 530 refused),
 * then {@code QUIT}. No data connection is ever opened, so no file is listed, read or written. With
 * {@code authTls} (the server offers FTPS, RFC 4217) the login goes over TLS after {@code AUTH TLS}, as its
 * clients' would: a server that requires TLS refuses cleartext logins whatever the password.
 */
public record FtpLogin(Dialer dialer, int port, boolean authTls) implements LoginClient {
    /** The last line of a reply: three digits and a space (continuation lines use a dash). */
    private static final Pattern FINAL_LINE = Pattern.compile("(?m)^(\\d{3}) [^\\n]*\\n");

    /** The conventional anonymous login; the password is the e-mail address FTP asks for. */
    public static final Credential ANONYMOUS =
            new Credential("anonymous", "probe@iotseal.invalid", "RFC 1635 anonymous FTP convention", true);

    /** Whether a server refusing USER before AUTH TLS says why: "Non-anonymous sessions must use encryption". */
    private static final Pattern TLS_REQUIRED = Pattern.compile("(?i)encrypt|\\btls\\b|\\bssl\\b|secur");

    /** A cleartext FTP login. */
    public FtpLogin(Dialer dialer, int port) {
        this(dialer, port, false);
    }

    @Override
    public String service() {
        return authTls ? "ftps" : "ftp";
    }

    /** Cleartext unless the server offers AUTH TLS and refuses to take a user name without it. */
    @Override
    public boolean cleartext() {
        return !authTls || !tlsRequired();
    }

    /** Whether the server refuses USER on a control connection that has not been upgraded to TLS. */
    private boolean tlsRequired() {
        try (Connection c = dialer.connect(port)) {
            if (code(reply(c, dialer.timeout().toMillis())) != 220) {
                return false;
            }
            String user = send(c, "USER iotseal-probe", dialer.timeout().toMillis());
            quit(c);
            int code = code(user);
            return (code == 530 || code == 534 || code == 550) && TLS_REQUIRED.matcher(user).find();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public LoginAttempt attempt(Credential credential) {
        return attempt(credential, dialer.timeout());
    }

    /**
     * One USER/PASS exchange. A 530 to USER, before any password is asked for (vsftpd: "This FTP server is
     * anonymous only", "Non-anonymous sessions must use encryption"), means no password is checked for
     * this account: not offered, never a rejection (ADR 0076).
     *
     * @param wait how long to wait for each reply (vsftpd delays a failed PASS by a few seconds)
     */
    @Override
    public LoginAttempt attempt(Credential credential, java.time.Duration wait) {
        long waitMillis = wait.toMillis();
        return Attempts.timed(credential, transcript -> {
            try (Connection c = dialer.connect(port)) {
                String greeting;
                if (authTls) {
                    String auth = FtpAuthTls.start(c, dialer.target().host(), port, dialer.timeout().toMillis(),
                            TlsSockets.ALL_PROTOCOLS);
                    transcript.add(new Exchange(service(), "AUTH TLS", auth));
                    greeting = FtpAuthTls.accepted(auth) ? "220 (after AUTH TLS)\r\n" : auth;
                } else {
                    greeting = reply(c, dialer.timeout().toMillis());
                    transcript.add(new Exchange(service(), "", greeting));
                }
                if (code(greeting) != 220) {
                    return new Attempts.Result(code(greeting) == 421 ? LoginOutcome.REFUSED : LoginOutcome.UNKNOWN,
                            "greeting " + code(greeting));
                }
                String user = send(c, "USER " + credential.username(), waitMillis);
                transcript.add(new Exchange(service(), "USER " + credential.username(), user));
                int userCode = code(user);
                if (userCode == 530) {
                    quit(c);
                    return new Attempts.Result(LoginOutcome.NOT_OFFERED, "530 to USER before any password: "
                            + firstLine(user));
                }
                if (userCode == 331 || userCode == 332) {
                    String pass = send(c, "PASS " + credential.password(), waitMillis);
                    transcript.add(new Exchange(service(), "PASS " + Redactor.password(credential.password()),
                            Redactor.transcript(pass, credential.password())));
                    userCode = code(pass);
                }
                quit(c);
                return switch (userCode) {
                    case 230 -> new Attempts.Result(LoginOutcome.ACCEPTED, "230 logged in");
                    case 530, 430 -> new Attempts.Result(LoginOutcome.REJECTED, userCode + " not logged in");
                    case 421 -> new Attempts.Result(LoginOutcome.REFUSED, "421 service not available");
                    case 0 -> new Attempts.Result(LoginOutcome.UNKNOWN, "no reply in " + waitMillis + " ms");
                    default -> new Attempts.Result(LoginOutcome.UNKNOWN, "reply " + userCode);
                };
            }
        });
    }

    private String send(Connection c, String command, long waitMillis) throws IOException {
        c.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        return reply(c, waitMillis);
    }

    private String reply(Connection c, long waitMillis) throws IOException {
        return new String(c.readUntil(FINAL_LINE, waitMillis), StandardCharsets.UTF_8);
    }

    private static String firstLine(String reply) {
        return reply.lines().findFirst().orElse("").strip();
    }

    private static void quit(Connection c) {
        try {
            c.write("QUIT\r\n");
        } catch (IOException ignored) {
            // Already disconnected: nothing left to end.
        }
    }

    /** The reply code of the final line, or 0 when there is none. */
    static int code(String reply) {
        Matcher m = FINAL_LINE.matcher(reply);
        int code = 0;
        while (m.find()) {
            code = Integer.parseInt(m.group(1));
        }
        return code;
    }
}
