package io.iotseal.server.survey.owner;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP address literals as numbers in one space: IPv6 as itself, IPv4 mapped into ::ffff:0:0/96, so that one range
 * lookup serves both families. Parsing never resolves a name: only literals are accepted (a host name would make
 * {@link InetAddress} ask the DNS).
 */
public final class Addresses {

    /** ::ffff:0:0, where IPv4 addresses live in the common space. */
    static final BigInteger V4_BASE = BigInteger.valueOf(0xffffL).shiftLeft(32);
    private static final BigInteger V4_LAST = V4_BASE.add(BigInteger.ONE.shiftLeft(32)).subtract(BigInteger.ONE);
    private static final BigInteger V6_LAST = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Addresses() {
    }

    /** A block of the common space, and the family it was written in. */
    record Range(BigInteger first, BigInteger last, boolean v6) {
        BigInteger size() {
            return last.subtract(first).add(BigInteger.ONE);
        }
    }

    /** The address as a number of the common space, or null when {@code text} is no IPv4 or IPv6 literal. */
    public static BigInteger parse(String text) {
        if (text == null) {
            return null;
        }
        if (V4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            long v = 0;
            for (String p : parts) {
                v = (v << 8) | Integer.parseInt(p);
            }
            return V4_BASE.add(BigInteger.valueOf(v));
        }
        if (text.indexOf(':') < 0 || !V6_CHARS.matcher(text).matches()) {
            return null;
        }
        try {
            // With a ':' and only these characters, InetAddress parses the literal and never looks anything up.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            BigInteger v = new BigInteger(1, bytes);
            return bytes.length == 4 ? V4_BASE.add(v) : v;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static boolean isV4(BigInteger address) {
        return address.compareTo(V4_BASE) >= 0 && address.compareTo(V4_LAST) <= 0;
    }

    /** A CIDR prefix ({@code 192.0.2.0/24}, {@code 2001:db8::/32}) whose host bits are zero; null when it is not one. */
    static Range prefix(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        BigInteger start = parse(text.substring(0, slash));
        Integer length = number(text.substring(slash + 1));
        if (start == null || length == null) {
            return null;
        }
        boolean v6 = text.indexOf(':') >= 0;
        return v6 ? prefixOf(start, length, true) : prefixOf(start, length, false);
    }

    /** The block of {@code length} bits at {@code start}; null when the length is out of range or host bits are set. */
    static Range prefixOf(BigInteger start, int length, boolean v6) {
        int bits = v6 ? 128 : 32;
        if (length < 0 || length > bits) {
            return null;
        }
        BigInteger size = BigInteger.ONE.shiftLeft(bits - length);
        BigInteger offset = v6 ? start : start.subtract(V4_BASE);
        if (!offset.mod(size).equals(BigInteger.ZERO)) {
            return null;
        }
        return new Range(start, start.add(size).subtract(BigInteger.ONE), v6);
    }

    /** {@code count} IPv4 addresses from {@code start}; null when that runs past 255.255.255.255 or is empty. */
    static Range v4Count(BigInteger start, long count) {
        if (count < 1) {
            return null;
        }
        BigInteger last = start.add(BigInteger.valueOf(count - 1));
        return last.compareTo(V4_LAST) > 0 ? null : new Range(start, last, false);
    }

    /**
     * The CIDR blocks that together are exactly {@code range} (an RIR's count of 1536 addresses from 195.85.96.0 is
     * a /22 and a /23), largest first where alignment allows: every stored block is then a prefix, which is what
     * makes the lookup an index probe per prefix length ({@link #candidates}).
     */
    static java.util.List<Range> cidrs(Range range) {
        java.util.List<Range> out = new java.util.ArrayList<>();
        BigInteger first = range.first();
        BigInteger end = range.last().add(BigInteger.ONE);
        while (first.compareTo(end) < 0) {
            int align = first.signum() == 0 ? 128 : first.getLowestSetBit();
            int bits = Math.min(align, end.subtract(first).bitLength() - 1);
            BigInteger size = BigInteger.ONE.shiftLeft(bits);
            out.add(new Range(first, first.add(size).subtract(BigInteger.ONE), range.v6()));
            first = first.add(size);
        }
        return out;
    }

    /** The first address of each of the 129 prefixes (lengths 0 to 128 of the common space) that hold {@code address}. */
    static java.util.List<BigInteger> candidates(BigInteger address) {
        java.util.List<BigInteger> out = new java.util.ArrayList<>(129);
        for (int host = 0; host <= 128; host++) {
            out.add(address.shiftRight(host).shiftLeft(host));
        }
        return out;
    }

    static boolean inV6Space(BigInteger v) {
        return v.signum() >= 0 && v.compareTo(V6_LAST) <= 0;
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
