package io.iotseal.probe.tls;

import io.iotseal.probe.net.Connection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.cert.X509Certificate;

/**
 * TLS client sockets for probing. A probe must talk to devices whatever their configuration, so it
 * accepts any certificate (the certificate is judged separately, by {@link CertificateAssessment}) and it
 * re-enables the legacy protocol versions the JDK disables by default, to be able to tell whether the
 * device still offers them. Nothing the probe sends over these sockets is secret except test passwords,
 * which are public defaults by design.
 */
public final class TlsSockets {
    /** Protocol versions probed, newest first. SSLv2 cannot be offered by the JDK at all. */
    public static final String[] ALL_PROTOCOLS = {"TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"};

    private static final SSLContext CONTEXT = createContext();

    private TlsSockets() {
    }

    /**
     * Lifts the JDK's default bans on old protocols and algorithms. Must run before JSSE is first used in
     * this JVM (the JDK reads these properties once); {@link TlsSockets} does it when it is loaded.
     */
    public static synchronized void allowLegacyProtocols() {
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.certpath.disabledAlgorithms", "");
    }

    private static SSLContext createContext() {
        allowLegacyProtocols();
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{new AcceptAnyCertificate()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS implementation", e);
        }
    }

    /**
     * Runs a TLS handshake over an open connection, offering only {@code protocols}, and switches the
     * connection to the TLS socket.
     *
     * @throws IOException when the handshake fails (the device refused these protocols, or does not speak TLS)
     */
    public static SSLSocket handshake(Connection connection, String host, int port, String... protocols)
            throws IOException {
        Socket plain = connection.socket();
        SSLSocket tls = (SSLSocket) CONTEXT.getSocketFactory().createSocket(plain, host, port, true);
        String[] supported = tls.getSupportedProtocols();
        String[] wanted = java.util.Arrays.stream(protocols)
                .filter(p -> java.util.Arrays.asList(supported).contains(p)).toArray(String[]::new);
        if (wanted.length == 0) {
            throw new IOException("this JDK cannot offer " + String.join(", ", protocols));
        }
        tls.setEnabledProtocols(wanted);
        tls.setEnabledCipherSuites(tls.getSupportedCipherSuites());
        tls.setSoTimeout(plain.getSoTimeout());
        tls.startHandshake();
        connection.upgrade(tls);
        return tls;
    }

    /** Accepts every certificate: the probe inspects certificates itself instead of trusting them. */
    private static final class AcceptAnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
