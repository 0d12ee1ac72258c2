package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.state.Portfolio;

/**
 * The value in micros each slot should hold after this rebalance, by the portfolio's planner mode.
 * <p>
 * Recomputed from the portfolio's effective state on every planning phase, so the buy phase sees the sells the
 * risk gate accepted (booked as open orders) and the cash they will raise. Arrays are sized once; nothing is
 * allocated per call. Owned by the engine thread, like the planner.
 * <p>
 * With total value T (effective cash plus invested value), cash buffer B = T x buffer and investable V = T - B,
 * the target of slot k is {@code V x target_k} rounded down, so targets never add up to more than V.
 */
final class DesiredValues {
    /** Cap of {@link #ceilPpm(long, long)}: any drift this large means "everything moves to target". */
    static final long MAX_RATIO_PPM = Long.MAX_VALUE / 4;
    /** Decimal digits of {@link Ppm#ONE}: the long division in {@link #ceilPpm(long, long)} runs this many steps. */
    private static final int PPM_DIGITS = 6;

    private final long[] desired;
    private final long[] target;
    private long buffer;
    private long investable;
    private long invested;

    DesiredValues(final int maxAssets) {
        desired = new long[maxAssets];
        target = new long[maxAssets];
    }

    /**
     * Values the portfolio and fills the desired value of every slot.
     *
     * @return false when there is nothing to plan from: more slots than the planner was sized for, a slot value
     *     that overflowed, a holding (or short) that cannot be valued because it has no mark yet, a total that does
     *     not fit in a long, or nothing investable after the cash buffer. Planning from a holding valued at zero
     *     would sell every other asset to "make room" for it, so one unvalued holding stops the whole portfolio.
     *     A short (only an overfilled sell makes one) is valued below zero and planned like any underweight slot,
     *     so the rebalance buys it back.
     */
    boolean compute(final Portfolio portfolio) {
        final PlannerMode mode = portfolio.spec().plannerMode();
        if (mode == null || !value(portfolio)) {
            return false;
        }
        final int assets = portfolio.assets();
        for (int k = 0; k < assets; k++) {
            target[k] = Fixed.applyPpm(investable, portfolio.targetPpm(k));
        }
        switch (mode) {
            case HALFWAY -> halfway(portfolio);
            case TO_BAND_EDGE -> toBandEdge(portfolio);
            default -> System.arraycopy(target, 0, desired, 0, assets);
        }
        return true;
    }

    /** The value slot {@code k} should hold, in micros; valid after {@link #compute(Portfolio)} returned true. */
    long desired(final int slot) {
        return desired[slot];
    }

    /** The cash buffer B in micros. */
    long buffer() {
        return buffer;
    }

    /** The investable value V = T - B in micros. */
    long investable() {
        return investable;
    }

    /**
     * Effective cash less the buffer: what buys may spend. Computed as V minus invested value, which is the same
     * number ({@code cash - B = T - invested - B}) but cannot overflow, as both terms are in {@code [0, MAX]}.
     */
    long spareCash() {
        return investable - invested;
    }

    private boolean value(final Portfolio portfolio) {
        final int assets = portfolio.assets();
        if (assets > desired.length || portfolio.hasOverflow()) {
            return false;
        }
        for (int k = 0; k < assets; k++) {
            if (portfolio.effectiveQuantity(k) != 0 && portfolio.markPrice(k) <= 0) {
                return false;
            }
        }
        // The portfolio keeps its sums exactly and reports any that would not fit (hasOverflow above).
        final long total = portfolio.totalValue();
        if (total <= 0) {
            return false;
        }
        buffer = portfolio.cashBuffer();
        investable = total - buffer;
        invested = portfolio.investedValue();
        return investable > 0;
    }

    private void halfway(final Portfolio portfolio) {
        final int assets = portfolio.assets();
        for (int k = 0; k < assets; k++) {
            final long value = portfolio.marketValue(k);
            final long goal = target[k];
            desired[k] = (value >> 1) + (goal >> 1) + (value & goal & 1);
        }
    }

    /**
     * Moves only the slots outside their re-arm edge (band x (1 - hysteresis)) back to that edge, so the next
     * trigger needs fresh drift and small moves are not traded. A slot with no band (calendar-only portfolios)
     * has an edge of zero and goes to target. Then, with a portfolio band, the portfolio's total drift after those
     * moves must end inside that band's re-arm edge too: otherwise (say a large cash inflow, with every asset
     * underweight by less than its own band) the portfolio would stay out of bounds and trade again at once.
     */
    private void toBandEdge(final Portfolio portfolio) {
        final PortfolioSpec spec = portfolio.spec();
        final int keepOfBand = Ppm.ONE - spec.hysteresisPpm();
        final int assets = portfolio.assets();
        for (int k = 0; k < assets; k++) {
            final long edge = Fixed.applyPpm(Math.max(0, portfolio.bandPpm(k)), keepOfBand);
            final long weight = portfolio.targetPpm(k);
            final long upper = Fixed.applyPpm(investable, Math.min(Ppm.ONE, weight + edge));
            final long lower = Fixed.applyPpm(investable, Math.max(0, weight - edge));
            final long value = portfolio.marketValue(k);
            if (value > upper) {
                desired[k] = upper;
            } else if (value < lower) {
                desired[k] = lower;
            } else {
                desired[k] = value;
            }
        }
        if (spec.portfolioBandPpm() > 0) {
            shrinkDrift(assets, Fixed.applyPpm(spec.portfolioBandPpm(), keepOfBand));
        }
    }

    /**
     * Moves every slot's desired value toward target by the same fraction so the portfolio drift of the desired
     * values ends at {@code edgePpm}.
     * <p>
     * Drift is half the sum of every line's absolute deviation from target, the cash line included (cash above
     * the buffer is as much drift as an overweight asset), over V. Rounding: the drift in ppm is rounded up, the
     * kept fraction {@code keep = edgePpm / driftPpm} (in ppm) is rounded down, and each slot's kept deviation is
     * rounded toward zero, so every rounding moves a little further toward target and the planned drift ends at
     * or just inside the edge, never outside it. No trade when the drift is already at or inside the edge.
     */
    private void shrinkDrift(final int assets, final long edgePpm) {
        long planned = 0;
        long deviation = 0;
        for (int k = 0; k < assets; k++) {
            planned = saturatingAdd(planned, desired[k]);
            deviation = saturatingAdd(deviation, Math.abs(desired[k] - target[k]));
        }
        deviation = saturatingAdd(deviation, Math.abs(investable - planned));
        final long driftPpm = (ceilPpm(deviation, investable) + 1) / 2;
        if (driftPpm <= edgePpm) {
            return;
        }
        final long keepPpm = edgePpm * Ppm.ONE / driftPpm;
        for (int k = 0; k < assets; k++) {
            final long away = desired[k] - target[k];
            final long kept = Fixed.applyPpm(Math.abs(away), keepPpm);
            desired[k] = away >= 0 ? target[k] + kept : target[k] - kept;
        }
    }

    private static long saturatingAdd(final long a, final long b) {
        final long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * {@code part / whole} in ppm rounded up, for {@code part >= 0} and {@code whole > 0}, capped at
     * {@link #MAX_RATIO_PPM}. Exact while {@code whole <= Long.MAX_VALUE / 10} (922 billion currency units);
     * above that both are shifted right 4 bits first, which moves the ratio by less than 1e-16 of itself.
     * Long division one decimal digit at a time keeps every intermediate below {@code 10 x whole}.
     */
    static long ceilPpm(final long part, final long whole) {
        long numerator = part;
        long denominator = whole;
        if (denominator > Long.MAX_VALUE / 10) {
            numerator >>>= 4;
            denominator >>>= 4;
        }
        final long units = numerator / denominator;
        if (units >= MAX_RATIO_PPM / Ppm.ONE) {
            return MAX_RATIO_PPM;
        }
        long remainder = numerator % denominator;
        long fraction = 0;
        for (int digit = 0; digit < PPM_DIGITS; digit++) {
            remainder *= 10;
            fraction = fraction * 10 + remainder / denominator;
            remainder %= denominator;
        }
        return units * Ppm.ONE + fraction + (remainder == 0 ? 0 : 1);
    }
}
