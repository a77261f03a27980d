package io.iotseal.probe.survey;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Address ranges sorted and merged, looked up by binary search: O(log n) per address, so an opt-out list of
 * 100,000 entries or a scope of thousands of blocks is asked before every device at no noticeable cost.
 */
final class RangeSet {
    private final byte[][] firsts;
    private final byte[][] lasts;

    RangeSet(List<AddressRange> ranges) {
        List<AddressRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(AddressRange::first, Addresses::compare));
        List<byte[]> f = new ArrayList<>();
        List<byte[]> l = new ArrayList<>();
        for (AddressRange r : sorted) {
            byte[] first = r.first().getAddress();
            byte[] last = r.last().getAddress();
            int n = l.size();
            if (n > 0 && first.length == l.get(n - 1).length && adjoinsOrOverlaps(l.get(n - 1), first)) {
                if (Addresses.compare(last, l.get(n - 1)) > 0) {
                    l.set(n - 1, last);
                }
            } else {
                f.add(first);
                l.add(last);
            }
        }
        firsts = f.toArray(byte[][]::new);
        lasts = l.toArray(byte[][]::new);
    }

    /** Whether {@code next} starts at or before the address after {@code last}. */
    private static boolean adjoinsOrOverlaps(byte[] last, byte[] next) {
        byte[] after = last.clone();
        return !Addresses.increment(after) || Addresses.compare(next, after) <= 0;
    }

    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        int lo = 0;
        int hi = firsts.length - 1;
        int candidate = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Addresses.compare(firsts[mid], a) <= 0) {
                candidate = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return candidate >= 0 && Addresses.compare(a, lasts[candidate]) <= 0;
    }

    /** Merged ranges: entries that overlapped or adjoined count once. */
    int size() {
        return firsts.length;
    }
}
