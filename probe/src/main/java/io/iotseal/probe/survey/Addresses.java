package io.iotseal.probe.survey;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Address arithmetic on the raw bytes. Literals only: a scope or an opt-out list never names a host, so
 * nothing here may trigger a DNS lookup (which would leak the survey's targets to a resolver).
 */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private Addresses() {
    }

    /** Parses an IPv4 or IPv6 literal; never resolves a name. */
    static InetAddress literal(String text) {
        String s = text.strip();
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
        if (IPV4.matcher(s).matches()) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
                }
            }
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
    }

    static InetAddress of(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + raw.length, e);
        }
    }

    static BigInteger value(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    static InetAddress of(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return of(out);
    }

    /** Orders IPv4 before IPv6, then numerically: one order for mixed lists. */
    static int compare(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compareUnsigned(a, b);
    }

    static int compare(InetAddress a, InetAddress b) {
        return compare(a.getAddress(), b.getAddress());
    }

    /** Adds one in place; returns false when the address wrapped around (it was the last of its family). */
    static boolean increment(byte[] raw) {
        for (int i = raw.length - 1; i >= 0; i--) {
            if (++raw[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** The text of an address: IPv6 in its compressed form (RFC 5952), as the JDK alone does not write it. */
    static String text(InetAddress a) {
        if (a.getAddress().length == 4) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
