package io.iotseal.probe.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * An SSH daemon whose session process dies during the key exchange: it sends its identification string,
 * reads the client's first packets and closes the connection, as the issue-15 dropbear did when a client
 * chose a host key type it had no key for. No credential ever reaches it.
 */
public final class AbortingSshDevice extends LineServer {
    public AbortingSshDevice() throws IOException {
    }

    @Override
    protected void handle(Socket client) throws IOException {
        send(client, "SSH-2.0-dropbear_2019.78\r\n");
        InputStream in = client.getInputStream();
        client.setSoTimeout(2000);
        byte[] buf = new byte[4096];
        in.read(buf); // the client's identification and KEXINIT; then the "child" aborts
    }
}
