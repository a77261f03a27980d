package io.iotseal.server.survey;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A scope's address blocks (CIDR {@code 127.1.0.0/22} or range {@code 127.1.0.1-127.1.0.9}, IPv4 and IPv6) as
 * number intervals, to refuse an observation of an address the operator did not sign off. Literal addresses only:
 * nothing here may resolve a name.
 */
final class AddressBlocks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    record Block(boolean v6, BigInteger first, BigInteger last) {
        BigInteger size() {
            return last.subtract(first).add(BigInteger.ONE);
        }
    }

    private final List<Block> blocks;

    private AddressBlocks(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The blocks, or an exception whose message says which one is wrong and why. */
    static AddressBlocks parse(List<String> texts) {
        List<Block> blocks = new ArrayList<>();
        for (String text : texts) {
            blocks.add(block(text == null ? "" : text.strip()));
        }
        return new AddressBlocks(blocks);
    }

    private static Block block(String text) {
        int slash = text.indexOf('/');
        int dash = text.indexOf('-');
        if (slash > 0) {
            InetAddress base = literal(text.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException(text + " is not a CIDR block"));
            int bits = base.getAddress().length * 8;
            int prefix;
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(text + ": the prefix length is not a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(text + ": the prefix length is 0 to " + bits);
            }
            BigInteger host = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            BigInteger first = number(base).andNot(host);
            return new Block(bits == 128, first, first.or(host));
        }
        if (dash > 0) {
            Optional<InetAddress> a = literal(text.substring(0, dash).strip());
            Optional<InetAddress> b = literal(text.substring(dash + 1).strip());
            if (a.isEmpty() || b.isEmpty() || a.get().getAddress().length != b.get().getAddress().length
                    || number(a.get()).compareTo(number(b.get())) > 0) {
                throw new IllegalArgumentException(text + " is not a range first-last of one address family");
            }
            return new Block(a.get().getAddress().length == 16, number(a.get()), number(b.get()));
        }
        InetAddress one = literal(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is neither a CIDR block, a range first-last nor an address"));
        return new Block(one.getAddress().length == 16, number(one), number(one));
    }

    /** A literal IPv4 or IPv6 address (no zone, no name), or empty. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || (!IPV4.matcher(text).matches() && !(text.contains(":") && IPV6.matcher(text).matches()))) {
            return Optional.empty();
        }
        if (!text.contains(":")) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty(); // else InetAddress would take it for a host name and look it up
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static BigInteger number(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    boolean contains(InetAddress a) {
        boolean v6 = a.getAddress().length == 16;
        BigInteger n = number(a);
        for (Block b : blocks) {
            if (b.v6() == v6 && b.first().compareTo(n) <= 0 && b.last().compareTo(n) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** How many addresses the blocks cover (overlaps counted once per block), capped at Long.MAX_VALUE. */
    long addressCount() {
        BigInteger total = blocks.stream().map(Block::size).reduce(BigInteger.ZERO, BigInteger::add);
        return total.bitLength() < 63 ? total.longValue() : Long.MAX_VALUE;
    }
}
