package io.iotseal.probe.target;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One device to probe: the name the user gave (a host name or address) and the address it resolved to.
 * The probe only ever connects to {@link #address()}.
 */
public record Target(String name, InetAddress address) {
    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /** The address as text, without a host-name prefix. */
    public String host() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return name;
    }
}
