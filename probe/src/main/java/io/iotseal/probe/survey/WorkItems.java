package io.iotseal.probe.survey;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The work items of a scope as a lazy list: item {@code i} is found by binary search over the blocks'
 * cumulative item counts and computed on demand, so a coordinator can address any item by its number and
 * 100 million addresses cost a few longs per block.
 */
final class WorkItems extends AbstractList<AddressRange> implements RandomAccess {
    private final ScopeBlocks blocks;
    private final int blockSize;
    /** Items before block b, for b in 0..n (the last entry is the total). */
    private final long[] before;

    WorkItems(ScopeBlocks blocks, int blockSize) {
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.before = new long[blocks.size() + 1];
        for (int b = 0; b < blocks.size(); b++) {
            long size = blocks.size(b);
            before[b + 1] = before[b] + (size + blockSize - 1) / blockSize;
        }
    }

    /** How many items, as a long (size() is capped by the List interface). */
    long count() {
        return before[before.length - 1];
    }

    @Override
    public int size() {
        return Math.toIntExact(count());
    }

    @Override
    public AddressRange get(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException(index);
        }
        int pos = Arrays.binarySearch(before, index);
        // The block whose first item is <= index; equal entries (empty blocks) cannot occur: blocks are never empty.
        int block = pos >= 0 ? pos : -pos - 2;
        AddressRange range = blocks.get(block);
        int length = range.first().getAddress().length;
        BigInteger start = Addresses.value(range.first()).add(BigInteger.valueOf((index - before[block]) * blockSize));
        BigInteger end = start.add(BigInteger.valueOf(blockSize - 1)).min(Addresses.value(range.last()));
        return new AddressRange(Addresses.of(start, length), Addresses.of(end, length));
    }
}
