package io.iotseal.probe.credential;

import io.iotseal.probe.net.Connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The Telnet layer over a connection: strips option negotiation from what the device sends and declines
 * every option (RFC 854/855: answer DO with WONT and WILL with DONT), which every Telnet server must
 * accept. What is left is the text a user would see.
 */
final class TelnetSession {
    static final int IAC = 255;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int DONT = 254;
    private static final int SB = 250;
    private static final int SE = 240;

    private final Connection connection;
    /** Parser state for IAC sequences split across reads. */
    private int state;
    private boolean inSubnegotiation;

    TelnetSession(Connection connection) {
        this.connection = connection;
    }

    /**
     * Reads text until {@code until} matches it, the peer closes or {@code waitMillis} pass.
     *
     * @return the text received (may be empty)
     */
    String readUntil(Pattern until, long waitMillis) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        InputStream in = connection.socket().getInputStream();
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        byte[] chunk = new byte[1024];
        while (text.size() < Connection.MAX_READ) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            connection.socket().setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                consume(chunk[i] & 0xff, text);
            }
            if (until.matcher(text.toString(StandardCharsets.ISO_8859_1)).find()) {
                break;
            }
        }
        return text.toString(StandardCharsets.ISO_8859_1);
    }

    private void consume(int b, ByteArrayOutputStream text) throws IOException {
        switch (state) {
            case 0 -> {
                if (b == IAC) {
                    state = IAC;
                } else if (!inSubnegotiation && b != 0) {
                    text.write(b);
                }
            }
            case IAC -> {
                state = 0;
                if (b == WILL || b == WONT || b == DO || b == DONT) {
                    state = b;
                } else if (b == SB) {
                    inSubnegotiation = true;
                } else if (b == SE) {
                    inSubnegotiation = false;
                } else if (b == IAC && !inSubnegotiation) {
                    text.write(b);
                }
            }
            case DO -> {
                state = 0;
                connection.write(new byte[]{(byte) IAC, (byte) WONT, (byte) b});
            }
            case WILL -> {
                state = 0;
                connection.write(new byte[]{(byte) IAC, (byte) DONT, (byte) b});
            }
            default -> state = 0; // WONT/DONT need no answer
        }
    }

    void sendLine(String line) throws IOException {
        connection.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
