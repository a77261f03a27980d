package io.iotseal.probe.tls;

import io.iotseal.probe.net.Connection;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FTP over explicit TLS (RFC 4217 section 4): on a fresh control connection, read the greeting, send
 * {@code AUTH TLS}, and on {@code 234} run the TLS handshake over the same socket. The TLS checks use it
 * for FTP services that offer it, and the FTP login uses it before USER/PASS so that a server requiring
 * TLS is tested with the credentials actually checked, not with refusals of cleartext.
 */
public final class FtpAuthTls {
    /** The last line of an FTP reply: three digits and a space. */
    private static final Pattern FINAL_LINE = Pattern.compile("(?m)^(\\d{3}) [^\\n]*\\n");

    private FtpAuthTls() {
    }

    /**
     * Reads the greeting and sends AUTH TLS. Returns the server's reply to AUTH TLS; when it is 234 the
     * connection has been upgraded to TLS with {@code protocols}. Throws when the greeting is not 220 or
     * the TLS handshake fails.
     */
    public static String start(Connection c, String host, int port, long waitMillis, String... protocols) throws IOException {
        String greeting = reply(c, waitMillis);
        if (code(greeting) != 220) {
            throw new IOException("FTP greeting " + greeting.strip());
        }
        c.write("AUTH TLS\r\n");
        String answer = reply(c, waitMillis);
        if (code(answer) == 234) {
            SSLSocket ignored = TlsSockets.handshake(c, host, port, protocols);
        }
        return answer;
    }

    /** Whether the server accepted AUTH TLS (reply 234). */
    public static boolean accepted(String authReply) {
        return code(authReply) == 234;
    }

    private static String reply(Connection c, long waitMillis) throws IOException {
        return new String(c.readUntil(FINAL_LINE, waitMillis), StandardCharsets.UTF_8);
    }

    /** The reply code of the final line, or 0 when there is none. */
    public static int code(String reply) {
        Matcher m = FINAL_LINE.matcher(reply);
        int code = 0;
        while (m.find()) {
            code = Integer.parseInt(m.group(1));
        }
        return code;
    }
}
