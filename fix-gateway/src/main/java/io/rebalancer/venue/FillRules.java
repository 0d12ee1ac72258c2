package io.rebalancer.venue;

/**
 * How the simulated venues fill, in one place so the FIX simulator and the in-process paper venue agree: a limit
 * order is marketable when the touch is at or better than its limit, and a first partial fill takes half the
 * order rounded down to whole lots (the whole order when that is less than a lot).
 */
public final class FillRules {
    private FillRules() {
    }

    /** True when a buy's limit reaches the ask, or a sell's the bid; never against an empty side (touch 0). */
    public static boolean marketable(final long touch, final boolean buy, final long limitPrice) {
        return touch > 0 && (buy ? touch <= limitPrice : touch >= limitPrice);
    }

    /** The first of two partial fills: half of {@code leaves} in whole lots, or all of it if that is under a lot. */
    public static long firstPartial(final long leaves, final long lotSize) {
        final long half = leaves / 2 / lotSize * lotSize;
        return half > 0 ? half : leaves;
    }
}
