package io.rebalancer.engine.core;

import org.agrona.collections.Long2LongHashMap;

/**
 * The engine's working child orders, in parallel arrays with a free list, found by client order id through
 * a pre-sized primitive map: opening, finding and closing an order allocate nothing.
 */
final class OrderTable {
    private static final long MISSING = -1;

    private final Long2LongHashMap indexById;
    private final long[] clientOrderId;
    private final int[] portfolioId;
    private final int[] slot;
    private final int[] instrumentId;
    private final byte[] side;
    private final long[] leaves;
    private final long[] limitPrice;
    private final int[] free;
    private int freeCount;

    OrderTable(final int capacity) {
        indexById = new Long2LongHashMap(capacity * 2, 0.65f, MISSING);
        clientOrderId = new long[capacity];
        portfolioId = new int[capacity];
        slot = new int[capacity];
        instrumentId = new int[capacity];
        side = new byte[capacity];
        leaves = new long[capacity];
        limitPrice = new long[capacity];
        free = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            free[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    boolean isFull() {
        return freeCount == 0;
    }

    int size() {
        return free.length - freeCount;
    }

    /** Books a new working order; the caller checked {@link #isFull()}. */
    int open(final long id, final int portfolio, final int assetSlot, final int instrument, final byte orderSide,
        final long orderQuantity, final long limit) {
        final int index = free[--freeCount];
        clientOrderId[index] = id;
        portfolioId[index] = portfolio;
        slot[index] = assetSlot;
        instrumentId[index] = instrument;
        side[index] = orderSide;
        leaves[index] = orderQuantity;
        limitPrice[index] = limit;
        indexById.put(id, index);
        return index;
    }

    /** The index of the working order with this client order id, or -1. */
    int find(final long id) {
        return (int)indexById.get(id);
    }

    void reduceLeaves(final int index, final long filled) {
        leaves[index] -= filled;
    }

    void close(final int index) {
        indexById.remove(clientOrderId[index]);
        free[freeCount++] = index;
    }

    long clientOrderId(final int index) {
        return clientOrderId[index];
    }

    int portfolioId(final int index) {
        return portfolioId[index];
    }

    int slot(final int index) {
        return slot[index];
    }

    int instrumentId(final int index) {
        return instrumentId[index];
    }

    byte side(final int index) {
        return side[index];
    }

    long leaves(final int index) {
        return leaves[index];
    }

    long limitPrice(final int index) {
        return limitPrice[index];
    }
}
