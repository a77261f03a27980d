package io.iotseal.probe.survey;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A contiguous run of addresses of one family, {@code first} to {@code last} inclusive: a survey's work item
 * or block, or an opt-out entry. Written {@code a/n} (CIDR) or {@code a-b}; iterated lazily, so a range costs
 * two addresses of memory however wide it is.
 */
public record AddressRange(InetAddress first, InetAddress last) implements Iterable<InetAddress> {
    /** The widest range whose size still fits a long; wider IPv6 ranges are refused, never truncated. */
    private static final BigInteger MAX_SIZE = BigInteger.valueOf(Long.MAX_VALUE);

    public AddressRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.getAddress().length != last.getAddress().length) {
            throw new IllegalArgumentException("range " + Addresses.text(first) + "-" + Addresses.text(last)
                    + " mixes IPv4 and IPv6");
        }
        if (Addresses.compare(first, last) > 0) {
            throw new IllegalArgumentException("range " + Addresses.text(first) + "-" + Addresses.text(last)
                    + " ends before it starts");
        }
    }

    /** One address. */
    public static AddressRange of(InetAddress address) {
        return new AddressRange(address, address);
    }

    /**
     * Reads {@code a}, {@code a/n} or {@code a-b}. A CIDR block with host bits set is refused rather than
     * widened: a signed-off scope must mean exactly what it says.
     */
    public static AddressRange parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty address range");
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            InetAddress base = Addresses.literal(s.substring(0, slash));
            int bits = base.getAddress().length * 8;
            int prefix;
            try {
                prefix = Integer.parseInt(s.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "': prefix length is not a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + s + "': prefix length must be between 0 and " + bits);
            }
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            BigInteger value = Addresses.value(base);
            if (!value.and(hostMask).equals(BigInteger.ZERO)) {
                throw new IllegalArgumentException("'" + s + "' has host bits set; the block is "
                        + Addresses.text(Addresses.of(value.andNot(hostMask), bits / 8)) + "/" + prefix);
            }
            return new AddressRange(base, Addresses.of(value.or(hostMask), bits / 8));
        }
        int dash = s.indexOf('-');
        if (dash >= 0) {
            return new AddressRange(Addresses.literal(s.substring(0, dash)), Addresses.literal(s.substring(dash + 1)));
        }
        return of(Addresses.literal(s));
    }

    /** How many addresses; refused (ArithmeticException) for an IPv6 range wider than 2^63 - 1. */
    public long size() {
        BigInteger n = Addresses.value(last).subtract(Addresses.value(first)).add(BigInteger.ONE);
        if (n.compareTo(MAX_SIZE) > 0) {
            throw new ArithmeticException("range " + text() + " has more than 2^63 - 1 addresses");
        }
        return n.longValue();
    }

    public boolean contains(InetAddress address) {
        return address.getAddress().length == first.getAddress().length
                && Addresses.compare(first, address) <= 0 && Addresses.compare(address, last) <= 0;
    }

    public boolean overlaps(AddressRange other) {
        return first.getAddress().length == other.first.getAddress().length
                && Addresses.compare(first, other.last) <= 0 && Addresses.compare(other.first, last) <= 0;
    }

    public boolean ipv6() {
        return first.getAddress().length == 16;
    }

    /** {@code a/n} when the range is exactly one CIDR block, else {@code a-b}; a single address alone. */
    public String text() {
        if (first.equals(last)) {
            return Addresses.text(first);
        }
        BigInteger lo = Addresses.value(first);
        BigInteger count = Addresses.value(last).subtract(lo).add(BigInteger.ONE);
        if (count.bitCount() == 1) {
            int hostBits = count.bitLength() - 1;
            if (lo.getLowestSetBit() >= hostBits || lo.signum() == 0) {
                return Addresses.text(first) + "/" + (first.getAddress().length * 8 - hostBits);
            }
        }
        return Addresses.text(first) + "-" + Addresses.text(last);
    }

    @Override
    public String toString() {
        return text();
    }

    /** The addresses in order, computed one at a time. */
    @Override
    public Iterator<InetAddress> iterator() {
        byte[] end = last.getAddress();
        return new Iterator<>() {
            private byte[] next = first.getAddress();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public InetAddress next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                InetAddress current = Addresses.of(next.clone());
                boolean more = !java.util.Arrays.equals(next, end) && Addresses.increment(next);
                if (!more) {
                    next = null;
                }
                return current;
            }
        };
    }
}
