package io.rebalancer.engine.plan;

/**
 * The child orders of one planning phase, as parallel primitive arrays sized once at construction, so
 * the engine thread can plan and read orders back without allocating. Reused across calls: every planning
 * phase clears it first. Indices {@code 0 .. size()-1} are valid; reading past {@code size()} gives stale data.
 */
public final class TradePlan {
    private final int[] slot;
    private final byte[] side;
    private final long[] quantity;
    private final long[] limitPrice;
    private final long[] referencePrice;
    private int size;

    /** @param capacity the most orders one phase can hold: the most assets a portfolio can have */
    public TradePlan(final int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("trade plan capacity must be positive, not " + capacity);
        }
        slot = new int[capacity];
        side = new byte[capacity];
        quantity = new long[capacity];
        limitPrice = new long[capacity];
        referencePrice = new long[capacity];
    }

    public int capacity() {
        return slot.length;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** The portfolio's asset slot the order trades. */
    public int slot(final int index) {
        return slot[index];
    }

    /** {@code Side.BUY} or {@code Side.SELL}. */
    public byte side(final int index) {
        return side[index];
    }

    /** Units to trade, always positive. */
    public long quantity(final int index) {
        return quantity[index];
    }

    /** The marketable limit price in micros, on the instrument's tick. */
    public long limitPrice(final int index) {
        return limitPrice[index];
    }

    /** The mark price in micros the order was planned from, for the risk gate's collar check. */
    public long referencePrice(final int index) {
        return referencePrice[index];
    }

    /** Appends an order; false (and nothing stored) when the plan is full. */
    boolean add(final int assetSlot, final byte orderSide, final long orderQuantity, final long limit,
        final long reference) {
        if (size == slot.length) {
            return false;
        }
        slot[size] = assetSlot;
        side[size] = orderSide;
        quantity[size] = orderQuantity;
        limitPrice[size] = limit;
        referencePrice[size] = reference;
        size++;
        return true;
    }
}
