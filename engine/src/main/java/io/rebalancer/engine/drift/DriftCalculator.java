package io.rebalancer.engine.drift;

import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;

/**
 * Judges how far a portfolio has drifted from its targets, allocation-free.
 * <p>
 * Market values are maintained incrementally by {@link Portfolio#mark}; this pass only divides them by the
 * investable value V (total value less the cash buffer), which changes with every tick, so it is O(assets)
 * per portfolio and runs once per batch for the portfolios a batch touched. Weights are doubles: they
 * decide when to look, never how much to trade (the planner sizes orders in exact integers).
 * <p>
 * The result is one number, the <em>drift ratio</em>: the largest of each asset's |weight - target| over its
 * band and the portfolio's total drift over its portfolio band. Above 1.0 the portfolio is out of bounds.
 * Total drift is half the sum of absolute deviations, counting the cash above or below the buffer as a line.
 */
public final class DriftCalculator {
    // The result of the last evaluation, read right after it: scratch, not state an engine snapshot keeps.
    private double ratio;
    private double portfolioDrift;
    private double worstDeviation;
    private int worstSlot;

    /**
     * Evaluates {@code portfolio} at event time {@code now}. The accessors describe the result when this
     * returns {@link DriftStatus#OK}, and hold zeros otherwise.
     */
    public DriftStatus evaluate(final Portfolio portfolio, final PriceBoard prices, final long now,
        final long maxPriceAgeNanos) {
        ratio = 0;
        portfolioDrift = 0;
        worstDeviation = 0;
        worstSlot = -1;
        if (portfolio.hasOverflow()) {
            return DriftStatus.NO_VALUE;
        }
        final int assets = portfolio.assets();
        final long total = portfolio.totalValue();
        final long buffer = portfolio.cashBuffer();
        final long investable = total - buffer;
        final double inverseValue = 1.0 / investable;
        double worstRatio = 0;
        double sumAbs = 0;
        for (int slot = 0; slot < assets; slot++) {
            final boolean matters = portfolio.effectiveQuantity(slot) != 0 || portfolio.targetPpm(slot) != 0;
            if (matters && !prices.isFresh(portfolio.instrumentId(slot), now, maxPriceAgeNanos)) {
                return stale();
            }
            final double deviation = portfolio.marketValue(slot) * inverseValue - portfolio.targetFraction(slot);
            final double abs = Math.abs(deviation);
            sumAbs += abs;
            final double slotRatio = abs * portfolio.inverseBandFraction(slot);
            if (slotRatio > worstRatio) {
                worstRatio = slotRatio;
            }
            if (abs > Math.abs(worstDeviation)) {
                worstDeviation = deviation;
                worstSlot = slot;
            }
        }
        if (investable <= 0) {
            worstDeviation = 0;
            worstSlot = -1;
            return DriftStatus.NO_VALUE;
        }
        sumAbs += Math.abs((portfolio.effectiveCash() - buffer) * inverseValue);
        portfolioDrift = sumAbs / 2;
        final int portfolioBand = portfolio.spec().portfolioBandPpm();
        if (portfolioBand > 0) {
            worstRatio = Math.max(worstRatio, portfolioDrift / Ppm.toFraction(portfolioBand));
        }
        ratio = worstRatio;
        return DriftStatus.OK;
    }

    private DriftStatus stale() {
        worstDeviation = 0;
        worstSlot = -1;
        return DriftStatus.STALE_PRICE;
    }

    /** The largest deviation over its band; above 1.0 the portfolio is out of its bands. */
    public double ratio() {
        return ratio;
    }

    /** Half the sum of absolute weight deviations, cash included, as a fraction of investable value. */
    public double portfolioDrift() {
        return portfolioDrift;
    }

    /** The signed weight deviation (as a fraction) of the asset furthest from its target. */
    public double worstDeviation() {
        return worstDeviation;
    }

    /** The slot furthest from its target, or -1. */
    public int worstSlot() {
        return worstSlot;
    }
}
