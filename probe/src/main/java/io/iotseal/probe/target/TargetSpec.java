package io.iotseal.probe.target;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One target as the user wrote it: a single address, a host name, or a CIDR range. Ranges are expanded
 * lazily so that a large authorised range costs no memory up front.
 */
public final class TargetSpec implements Iterable<Target> {
    /** Smallest IPv4 prefix accepted (a /16 is 65,536 hosts); wider ranges are refused outright. */
    static final int MIN_IPV4_PREFIX = 16;
    /** Smallest IPv6 prefix accepted, the same 65,536 hosts. */
    static final int MIN_IPV6_PREFIX = 112;

    private final String text;
    private final InetAddress first;
    private final long hostCount;

    private TargetSpec(String text, InetAddress first, long hostCount) {
        this.text = text;
        this.first = first;
        this.hostCount = hostCount;
    }

    /** The last address of this spec (the only one for a single target). */
    InetAddress last() {
        return toAddress(new BigInteger(1, first.getAddress()).add(BigInteger.valueOf(hostCount - 1)),
                first.getAddress().length);
    }

    /** Whether the spec stays inside loopback, private, link-local or documentation addresses. */
    public boolean local() {
        return AddressScope.local(first, last());
    }

    /**
     * Parses one target. Host names are resolved here (to their first address) so that a typo fails before
     * any probing starts.
     *
     * @throws InvalidTargetException naming the bad input
     */
    public static TargetSpec parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidTargetException("target: empty target");
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return parseRange(text, text.substring(0, slash), text.substring(slash + 1));
        }
        InetAddress address = resolve(text);
        return new TargetSpec(text, address, 1);
    }

    private static TargetSpec parseRange(String text, String base, String prefixText) {
        if (!isAddressLiteral(base)) {
            throw new InvalidTargetException("target '" + text + "': a range needs an IP address before '/'");
        }
        InetAddress address = resolve(base);
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(prefixText);
        } catch (NumberFormatException e) {
            throw new InvalidTargetException("target '" + text + "': prefix length '" + prefixText + "' is not a number");
        }
        int min = bits == 32 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
        if (prefix < min || prefix > bits) {
            throw new InvalidTargetException("target '" + text + "': prefix length must be between " + min + " and " + bits);
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger network = new BigInteger(1, address.getAddress()).andNot(mask);
        if (bits == 32 && prefix <= 30) {
            // The network and the directed-broadcast address of an IPv4 subnet are never probed: a packet to
            // the broadcast address reaches every host of the subnet, not just the one the user named.
            return new TargetSpec(text, toAddress(network.add(BigInteger.ONE), 4), (1L << (bits - prefix)) - 2);
        }
        return new TargetSpec(text, toAddress(network, bits / 8), 1L << (bits - prefix));
    }

    private static boolean isAddressLiteral(String s) {
        return s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+"));
    }

    private static InetAddress resolve(String name) {
        if (!isAddressLiteral(name) && !name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})")) {
            throw new InvalidTargetException("target '" + name + "': not an IP address, host name or CIDR range");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new InvalidTargetException("target '" + name + "': cannot resolve host name");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || isIpv4Broadcast(address)) {
            throw new InvalidTargetException("target '" + name + "': wildcard, multicast and broadcast addresses are never probed");
        }
        return address;
    }

    private static boolean isIpv4Broadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
    }

    private static InetAddress toAddress(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of wrong length", e);
        }
    }

    /** How many hosts this spec stands for. */
    public long hostCount() {
        return hostCount;
    }

    public String text() {
        return text;
    }

    @Override
    public Iterator<Target> iterator() {
        BigInteger start = new BigInteger(1, first.getAddress());
        int length = first.getAddress().length;
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < hostCount;
            }

            @Override
            public Target next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (hostCount == 1) {
                    next++;
                    return new Target(text, first);
                }
                InetAddress a = toAddress(start.add(BigInteger.valueOf(next++)), length);
                return new Target(a.getHostAddress(), a);
            }
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
