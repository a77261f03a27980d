package io.iotseal.probe.target;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Address blocks the probe may contact without a written authorisation: loopback, private networks,
 * link-local and the documentation ranges. Anything else may be someone else's machine on the Internet,
 * so it needs {@code --authorized "statement"} (ADR 0077).
 */
final class AddressScope {
    /** Block and why it is local. Sources: RFC 1122, 1918, 3927, 5737 (IPv4); RFC 4291, 4193, 3849 (IPv6). */
    private static final List<Block> LOCAL = List.of(
            Block.of("127.0.0.0", 8), Block.of("10.0.0.0", 8), Block.of("172.16.0.0", 12),
            Block.of("192.168.0.0", 16), Block.of("169.254.0.0", 16), Block.of("192.0.2.0", 24),
            Block.of("198.51.100.0", 24), Block.of("203.0.113.0", 24),
            Block.of("::1", 128), Block.of("fc00::", 7), Block.of("fe80::", 10), Block.of("2001:db8::", 32));

    private AddressScope() {
    }

    /** Whether every address from {@code first} to {@code last} lies in one local block. */
    static boolean local(InetAddress first, InetAddress last) {
        return LOCAL.stream().anyMatch(b -> b.contains(first) && b.contains(last));
    }

    private record Block(byte[] network, int prefix) {
        static Block of(String address, int prefix) {
            try {
                return new Block(InetAddress.getByName(address).getAddress(), prefix);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(address, e);
            }
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int bits = b.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, b).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
