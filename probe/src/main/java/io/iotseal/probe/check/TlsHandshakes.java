package io.iotseal.probe.check;

import io.iotseal.probe.net.Connection;
import io.iotseal.probe.scan.Service;
import io.iotseal.probe.scan.ServiceKind;
import io.iotseal.probe.tls.FtpAuthTls;
import io.iotseal.probe.tls.TlsSockets;

import javax.net.ssl.SSLSocket;
import java.io.IOException;

/**
 * A TLS handshake with a service the way its clients make one: at once for implicit TLS, after
 * {@code AUTH TLS} for FTP (RFC 4217), so the TLS checks cover FTPS too (ADR 0079).
 */
final class TlsHandshakes {
    private TlsHandshakes() {
    }

    static SSLSocket handshake(DeviceContext device, Connection c, Service s, String... protocols) throws IOException {
        if (s.kind() == ServiceKind.FTP) {
            String answer = FtpAuthTls.start(c, device.target().host(), s.port(), device.settings().timeout().toMillis(), protocols);
            if (!FtpAuthTls.accepted(answer)) {
                throw new IOException("AUTH TLS refused: " + answer.strip());
            }
            return (SSLSocket) c.socket();
        }
        return TlsSockets.handshake(c, device.target().host(), s.port(), protocols);
    }
}
