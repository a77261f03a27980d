package io.iotseal.probe.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A TCP (or TLS) connection to a target with helpers for line-based protocols. Every read is bounded in
 * size and time, so a device that talks forever or never answers cannot stall the probe.
 */
public final class Connection implements AutoCloseable {
    /** Largest reply kept from one read; enough for banners and headers. */
    public static final int MAX_READ = 16 * 1024;

    private Socket socket;
    private final Dialer.Permit permit;

    Connection(Socket socket, Dialer.Permit permit) {
        this.socket = socket;
        this.permit = permit;
    }

    public Socket socket() {
        return socket;
    }

    /** Replaces the socket by a layered one (TLS over this TCP connection). */
    public void upgrade(Socket layered) {
        this.socket = layered;
    }

    public void write(byte[] data) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(data);
        out.flush();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads until the text received so far matches {@code until}, the peer closes, the size limit is hit
     * or {@code waitMillis} pass. Never throws on timeout: returns what arrived.
     */
    public byte[] readUntil(Pattern until, long waitMillis) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[2048];
        int originalTimeout = socket.getSoTimeout();
        try {
            while (buf.size() < MAX_READ) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                int n;
                try {
                    n = in.read(chunk, 0, Math.min(chunk.length, MAX_READ - buf.size()));
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                buf.write(chunk, 0, n);
                if (until != null && until.matcher(new String(buf.toByteArray(), StandardCharsets.ISO_8859_1)).find()) {
                    break;
                }
            }
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(originalTimeout);
            }
        }
        return buf.toByteArray();
    }

    /** Reads exactly {@code n} bytes or fails (timeout from the socket). */
    public byte[] readExactly(int n) throws IOException {
        return socket.getInputStream().readNBytes(n);
    }

    @Override
    public void close() {
        Dialer.closeQuietly(socket);
        permit.close();
    }

    /** Bytes as printable text for evidence: control bytes become \xNN. */
    public static String printable(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length);
        for (byte b : data) {
            int c = b & 0xff;
            if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7f)) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }
}
