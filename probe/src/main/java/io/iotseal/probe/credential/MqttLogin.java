package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Redactor;
import io.iotseal.probe.net.Connection;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.tls.TlsSockets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * MQTT 3.1.1 login: one CONNECT (clean session, random client id) and its CONNACK return code
 * (0 accepted, 4 bad user name or password, 5 not authorised), then DISCONNECT. Nothing is subscribed or
 * published, so no retained message or device topic is touched.
 */
public record MqttLogin(Dialer dialer, int port, boolean tls) implements LoginClient {
    /** Stands for "no credentials": CONNECT without user name and password flags. */
    public static final Credential ANONYMOUS = new Credential("", "", "MQTT 3.1.1 CONNECT without credentials", true);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] DISCONNECT = {(byte) 0xE0, 0};

    @Override
    public String service() {
        return tls ? "mqtts" : "mqtt";
    }

    @Override
    public boolean cleartext() {
        return !tls;
    }

    @Override
    public LoginAttempt attempt(Credential credential) {
        boolean anonymous = credential.username().isEmpty();
        return Attempts.timed(credential, transcript -> {
            try (Connection c = dialer.connect(port)) {
                if (tls) {
                    TlsSockets.handshake(c, dialer.target().host(), port, TlsSockets.ALL_PROTOCOLS);
                }
                String clientId = "iotseal-probe-" + randomHex(4);
                c.write(connectPacket(clientId, anonymous ? null : credential.username(),
                        anonymous ? null : credential.password()));
                String sent = "CONNECT client=" + clientId + (anonymous ? " (no credentials)"
                        : " user=" + credential.username() + " password=" + Redactor.password(credential.password()));
                byte[] ack;
                try {
                    ack = c.readExactly(4);
                } catch (java.net.SocketTimeoutException e) {
                    ack = new byte[0];
                }
                int code = returnCode(ack);
                transcript.add(new Exchange(service(), sent, code < 0 ? "no CONNACK: " + Connection.printable(ack)
                        : "CONNACK return code " + code + " (" + describe(code) + ")"));
                if (code == 0) {
                    c.write(DISCONNECT);
                    return new Attempts.Result(LoginOutcome.ACCEPTED, "CONNACK 0 accepted");
                }
                if (code == 4 || code == 5) {
                    return new Attempts.Result(LoginOutcome.REJECTED, "CONNACK " + code + " " + describe(code));
                }
                if (code == 3) {
                    return new Attempts.Result(LoginOutcome.REFUSED, "CONNACK 3 server unavailable");
                }
                return new Attempts.Result(ack.length == 0 ? LoginOutcome.REFUSED : LoginOutcome.UNKNOWN,
                        code < 0 ? "no CONNACK" : "CONNACK " + code);
            }
        });
    }

    /** An MQTT 3.1.1 CONNECT packet; user name and password are left out when null. */
    static byte[] connectPacket(String clientId, String username, String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4); // protocol level 3.1.1
        int flags = 0x02; // clean session
        if (username != null) {
            flags |= 0x80;
        }
        if (password != null) {
            flags |= 0x40;
        }
        body.write(flags);
        body.write(0);
        body.write(30); // keep-alive seconds
        writeString(body, clientId);
        if (username != null) {
            writeString(body, username);
        }
        if (password != null) {
            writeString(body, password);
        }
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int length = body.size();
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length & 0xff);
        out.writeBytes(b);
    }

    /** The CONNACK return code, or -1 when the bytes are not a CONNACK. */
    static int returnCode(byte[] ack) {
        if (ack.length < 4 || (ack[0] & 0xff) != 0x20 || ack[1] != 2) {
            return -1;
        }
        return ack[3] & 0xff;
    }

    static String describe(int code) {
        return switch (code) {
            case 0 -> "connection accepted";
            case 1 -> "unacceptable protocol version";
            case 2 -> "identifier rejected";
            case 3 -> "server unavailable";
            case 4 -> "bad user name or password";
            case 5 -> "not authorised";
            default -> "unknown";
        };
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
