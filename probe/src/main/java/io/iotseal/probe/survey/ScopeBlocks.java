package io.iotseal.probe.survey;

import java.net.InetAddress;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scope's blocks, validated, in the order given, with the sorted lookup set built once: the record's
 * {@code blocks} component is this list, so {@code covers} costs a binary search, not a scan.
 */
final class ScopeBlocks extends AbstractList<AddressRange> {
    /** Never probed: "this network", multicast, the reserved 240/4 and the broadcast address; :: and ff00::/8. */
    private static final List<AddressRange> NEVER = List.of(AddressRange.parse("0.0.0.0/8"),
            AddressRange.parse("224.0.0.0/3"), AddressRange.parse("::/128"), AddressRange.parse("ff00::/8"));

    private final List<AddressRange> blocks;
    private final long[] sizes;
    private final RangeSet set;

    private ScopeBlocks(List<AddressRange> blocks) {
        this.blocks = List.copyOf(blocks);
        this.sizes = new long[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            sizes[i] = blocks.get(i).size();
        }
        this.set = new RangeSet(blocks);
    }

    static ScopeBlocks of(List<AddressRange> blocks) {
        if (blocks instanceof ScopeBlocks already) {
            return already;
        }
        if (blocks == null || blocks.isEmpty()) {
            throw new IllegalArgumentException("blocks: name at least one address block");
        }
        for (int i = 0; i < blocks.size(); i++) {
            AddressRange b = blocks.get(i);
            if (b == null) {
                throw new IllegalArgumentException("blocks[" + i + "]: missing");
            }
            for (AddressRange never : NEVER) {
                if (b.overlaps(never)) {
                    throw new IllegalArgumentException("blocks[" + i + "]: " + b.text() + " overlaps " + never.text()
                            + " (unspecified, multicast, reserved or broadcast addresses are never probed)");
                }
            }
            if (java.math.BigInteger.valueOf(SurveyScope.MAX_BLOCK_ADDRESSES).compareTo(
                    Addresses.value(b.last()).subtract(Addresses.value(b.first()))) < 0) {
                throw new IllegalArgumentException("blocks[" + i + "]: " + b.text() + " has more than 2^32 addresses");
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> blocks.get(i).first(), Addresses::compare));
        for (int k = 1; k < order.size(); k++) {
            AddressRange a = blocks.get(order.get(k - 1));
            AddressRange b = blocks.get(order.get(k));
            if (a.overlaps(b)) {
                int first = Math.min(order.get(k - 1), order.get(k));
                int second = Math.max(order.get(k - 1), order.get(k));
                throw new IllegalArgumentException("blocks[" + second + "]: " + blocks.get(second).text()
                        + " overlaps blocks[" + first + "] " + blocks.get(first).text());
            }
        }
        return new ScopeBlocks(blocks);
    }

    boolean covers(InetAddress address) {
        return set.contains(address);
    }

    long size(int block) {
        return sizes[block];
    }

    long addressCount() {
        long total = 0;
        for (long s : sizes) {
            total = Math.addExact(total, s);
        }
        return total;
    }

    @Override
    public AddressRange get(int index) {
        return blocks.get(index);
    }

    @Override
    public int size() {
        return blocks.size();
    }
}
