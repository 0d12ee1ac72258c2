package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.Fixed;

/**
 * Marketable limit prices on the instrument's tick. A child order is priced through the touch by the collar
 * so it fills now even if the quote moves a little, yet can never fill further from the touch than the collar.
 * Rounding always goes toward the touch (a buy limit down, a sell limit up), except that a limit may never
 * be on the passive side of the touch: then it is the touch rounded to the first tick that still crosses.
 */
final class LimitPrices {
    /** Above this a price is absurd; refusing it keeps {@code price + collar} and tick rounding from overflowing. */
    static final long MAX_PRICE = Long.MAX_VALUE / 4;

    private LimitPrices() {
    }

    /**
     * The buy limit for {@code ask}: {@code ask + ask x collar} rounded down to the tick, but never below the ask
     * rounded up to the tick. Returns 0 (do not trade) for a price that is not positive or is absurd.
     */
    static long buyLimit(final long ask, final long tickSize, final int collarPpm) {
        if (ask <= 0 || ask > MAX_PRICE || tickSize <= 0 || tickSize > MAX_PRICE) {
            return 0;
        }
        final long through = floorToTick(ask + Fixed.applyPpm(ask, collarPpm), tickSize);
        return Math.max(through, ceilToTick(ask, tickSize));
    }

    /**
     * The sell limit for {@code bid}: {@code bid - bid x collar} rounded up to the tick, but never above the bid
     * rounded down to the tick. Returns 0 or less (do not trade) when no positive tick price crosses the bid.
     */
    static long sellLimit(final long bid, final long tickSize, final int collarPpm) {
        if (bid <= 0 || bid > MAX_PRICE || tickSize <= 0 || tickSize > MAX_PRICE) {
            return 0;
        }
        final long through = ceilToTick(bid - Fixed.applyPpm(bid, collarPpm), tickSize);
        return Math.min(through, floorToTick(bid, tickSize));
    }

    /** {@code price} rounded down to a multiple of {@code tickSize}; {@code price >= 0}. */
    static long floorToTick(final long price, final long tickSize) {
        return price - price % tickSize;
    }

    /** {@code price} rounded up to a multiple of {@code tickSize}; both in {@code [0, MAX_PRICE]}, so no overflow. */
    static long ceilToTick(final long price, final long tickSize) {
        final long rest = price % tickSize;
        return rest == 0 ? price : price - rest + tickSize;
    }
}
