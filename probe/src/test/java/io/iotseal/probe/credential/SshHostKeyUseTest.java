package io.iotseal.probe.credential;

import io.iotseal.probe.TestProbe;
import io.iotseal.probe.net.Dialer;
import io.iotseal.probe.net.RateLimiter;
import io.iotseal.probe.sim.Lockout;
import io.iotseal.probe.sim.SimulatedSshDevice;
import org.apache.sshd.client.SshClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A weak host-key algorithm counts only when a handshake restricted to it completes (ADR 0076). A server that
 * agrees on the algorithm and then aborts, as dropbear does for ssh-rsa without an RSA key, must read as
 * NOT_USABLE: MINA already reports "KEX completed" once the algorithms are agreed, before the server signs.
 */
class SshHostKeyUseTest {

    @Test
    void aServerThatAgreesOnAHostKeyAndThenAbortsHasNoUsableKeyForIt() throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread device = Thread.ofVirtual().start(() -> abortAfterKeyExchangeInit(server));
            SshClient client = SshLogin.newClient();
            client.start();
            try {
                assertThat(login(server.getLocalPort(), client).hostKeyUse("ssh-rsa"))
                        .isEqualTo(SshLogin.HostKeyUse.NOT_USABLE);
            } finally {
                client.stop();
                device.join(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aHostKeyTheServerHasIsUsable() throws Exception {
        try (var ssh = new SimulatedSshDevice("admin", "admin", null, Lockout.NONE,
                SimulatedSshDevice.HostKey.ED25519_ONLY, true)) {
            SshClient client = SshLogin.newClient();
            client.start();
            try {
                assertThat(login(ssh.port(), client).hostKeyUse("ssh-ed25519")).isEqualTo(SshLogin.HostKeyUse.USABLE);
            } finally {
                client.stop();
            }
        }
    }

    private static SshLogin login(int port, SshClient client) {
        return new SshLogin(new Dialer(TestProbe.LOOPBACK, new RateLimiter(0), 2, Duration.ofSeconds(3)), port, client);
    }

    /**
     * Sends an identification and a KEXINIT offering curve25519 with an ssh-rsa host key, reads the client's
     * KEXINIT and its ECDH init, then closes: what dropbear does when it would have to sign with a key it lacks.
     */
    private static void abortAfterKeyExchangeInit(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("SSH-2.0-scripted_abort\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(packet(kexInit()));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            readLine(in);
            readPacket(in); // the client's KEXINIT
            readPacket(in); // its SSH_MSG_KEX_ECDH_INIT: the point where the server would sign
        } catch (IOException e) {
            // The client gave up first: the assertion in the test says what went wrong.
        }
    }

    private static byte[] kexInit() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(payload);
        data.writeByte(20); // SSH_MSG_KEXINIT
        data.write(new byte[16]); // cookie
        for (String list : List.of("curve25519-sha256", "ssh-rsa", "aes128-ctr", "aes128-ctr", "hmac-sha2-256",
                "hmac-sha2-256", "none", "none", "", "")) {
            byte[] bytes = list.getBytes(StandardCharsets.US_ASCII);
            data.writeInt(bytes.length);
            data.write(bytes);
        }
        data.writeBoolean(false); // first_kex_packet_follows
        data.writeInt(0); // reserved
        return payload.toByteArray();
    }

    /** An unencrypted RFC 4253 binary packet: length, padding length, payload, at least 4 bytes of padding. */
    private static byte[] packet(byte[] payload) throws IOException {
        int padding = 8 - (payload.length + 5) % 8;
        if (padding < 4) {
            padding += 8;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(payload.length + padding + 1);
        data.writeByte(padding);
        data.write(payload);
        data.write(new byte[padding]);
        return bytes.toByteArray();
    }

    private static void readLine(DataInputStream in) throws IOException {
        while (in.readByte() != '\n') {
            // the client's identification string
        }
    }

    private static void readPacket(DataInputStream in) throws IOException {
        in.readFully(new byte[in.readInt()]);
    }
}
