package io.iotseal.probe.sim;

import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;

/**
 * An SSH daemon on 127.0.0.1 with one account (Apache MINA SSHD). Optionally hides its version and locks
 * out after failed logins by closing new sessions, like a hardened embedded daemon.
 */
public final class SimulatedSshDevice implements AutoCloseable {
    private final SshServer server;

    public SimulatedSshDevice(String user, String password, String identification, Lockout lockout) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        keys.setAlgorithm("EC");
        server.setKeyPairProvider(keys);
        if (identification != null) {
            CoreModuleProperties.SERVER_IDENTIFICATION.set(server, identification);
        }
        server.setPasswordAuthenticator((u, p, session) -> {
            if (lockout.locked()) {
                session.close(true);
                return false;
            }
            boolean ok = user.equals(u) && password.equals(p);
            if (ok) {
                lockout.succeeded();
            } else {
                lockout.failed();
            }
            return ok;
        });
        server.setKeyboardInteractiveAuthenticator(null);
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
