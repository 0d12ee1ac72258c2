package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;

/**
 * Turns a portfolio whose trigger fired into child orders: exact (micros, units and ppm, never doubles), lot-sized,
 * priced as marketable limits within a collar, and deterministic (ties go to the lower slot).
 * <p>
 * Planning runs in two phases because sells must go first: buys may only spend cash that exists or is being raised
 * by sells the risk gate accepted. The engine calls {@link #planSells}, books the accepted sells into the portfolio
 * as open orders (which raises its effective cash), then calls {@link #planBuys}. Both phases plan from the
 * portfolio's effective state, so an order already in flight counts as traded and is never ordered twice.
 * <p>
 * A slot is never planned from a missing, zero or negative price: such a slot is skipped, and odd state (overflow,
 * an unvalued holding, more slots than sized for) plans nothing rather than throwing. A {@link TradePlan} with less
 * capacity than the portfolio has assets keeps the first orders and drops the rest. Scratch arrays are sized at
 * construction; a call allocates nothing, and nothing outlives it (no state for an engine snapshot). Not
 * thread-safe: owned by the engine thread.
 */
public final class RebalancePlanner {
    private final InstrumentUniverse universe;
    private final int limitCollarPpm;
    private final DesiredValues values;
    private final int[] buySlots;
    private final long[] buyShortfall;
    private final long[] buyLimit;

    /**
     * @param universe        the instruments, for tick and lot sizes
     * @param limitCollarPpm  how far through the touch limits are priced, in ppm of the touch, 0..{@link Ppm#ONE}
     * @param maxAssets       the most assets any portfolio has; portfolios with more are never planned
     */
    public RebalancePlanner(final InstrumentUniverse universe, final int limitCollarPpm, final int maxAssets) {
        if (universe == null || limitCollarPpm < 0 || limitCollarPpm > Ppm.ONE || maxAssets <= 0) {
            throw new IllegalArgumentException("planner needs a universe, a collar in 0.." + Ppm.ONE
                + " ppm (got " + limitCollarPpm + ") and a positive asset capacity (got " + maxAssets + ")");
        }
        this.universe = universe;
        this.limitCollarPpm = limitCollarPpm;
        values = new DesiredValues(maxAssets);
        buySlots = new int[maxAssets];
        buyShortfall = new long[maxAssets];
        buyLimit = new long[maxAssets];
    }

    /**
     * Clears {@code out} and adds the sells of this rebalance, in slot order. A slot sells down to its desired value
     * at the sell touch, in whole lots, never more than its settled holding less open sells (no short sales); a
     * slot whose desired value is zero sells all of that, odd lot included, so a full exit leaves nothing behind.
     * A slot with a buy still working is not sold (and one with a sell working is not bought): the portfolio's own
     * orders would meet at the venue, a wash trade. It is planned again once that order is done.
     */
    public void planSells(final Portfolio portfolio, final PriceBoard prices, final TradePlan out) {
        out.clear();
        if (!values.compute(portfolio)) {
            return;
        }
        final long minNotional = portfolio.spec().minTradeNotional();
        final int assets = portfolio.assets();
        for (int k = 0; k < assets && out.size() < out.capacity(); k++) {
            final long desired = values.desired(k);
            final long excess = portfolio.marketValue(k) - desired;
            if (excess > 0 && portfolio.openBuyQuantity(k) == 0) {
                planSell(portfolio, prices, k, desired == 0, excess, minNotional, out);
            }
        }
    }

    /**
     * Clears {@code out} and adds the buys of this rebalance, largest shortfall first (ties: lower slot first).
     * Each buy is sized at its limit price, in whole lots, and cut to the lots the remaining spare cash (effective
     * cash less the buffer) pays for at that limit, so the buys' notional at their limits never exceeds it.
     */
    public void planBuys(final Portfolio portfolio, final PriceBoard prices, final TradePlan out) {
        out.clear();
        if (!values.compute(portfolio)) {
            return;
        }
        long cash = values.spareCash();
        if (cash <= 0) {
            return;
        }
        final int candidates = rankBuys(portfolio, prices);
        final long minNotional = portfolio.spec().minTradeNotional();
        for (int i = 0; i < candidates && out.size() < out.capacity(); i++) {
            final int k = buySlots[i];
            final long limit = buyLimit[k];
            final long lot = universe.get(portfolio.instrumentId(k)).lotSize();
            final long lotValue = Fixed.multiply(limit, lot);
            if (lotValue == Fixed.OVERFLOW) {
                continue;
            }
            final long lots = Math.min(buyShortfall[k] / lotValue, cash / lotValue);
            final long notional = lots * lotValue;
            if (lots <= 0 || notional < minNotional) {
                continue;
            }
            out.add(k, Side.BUY, lots * lot, limit, prices.mark(portfolio.instrumentId(k)));
            cash -= notional;
        }
    }

    private void planSell(final Portfolio portfolio, final PriceBoard prices, final int slot, final boolean exit,
        final long excess, final long minNotional, final TradePlan out) {
        final int id = portfolio.instrumentId(slot);
        if (!isPriced(prices, id)) {
            return;
        }
        final Instrument instrument = universe.get(id);
        final long touch = prices.sellTouch(id);
        final long limit = LimitPrices.sellLimit(touch, instrument.tickSize(), limitCollarPpm);
        final long sellable = portfolio.sellableQuantity(slot);
        if (touch <= 0 || limit <= 0 || sellable <= 0) {
            return;
        }
        final long quantity;
        if (exit) {
            quantity = sellable;
        } else {
            final long lot = instrument.lotSize();
            final long lotValue = Fixed.multiply(touch, lot);
            if (lotValue == Fixed.OVERFLOW) {
                return;
            }
            quantity = Math.min(excess / lotValue, sellable / lot) * lot;
        }
        final long notional = Fixed.multiply(quantity, touch);
        if (quantity <= 0 || notional == Fixed.OVERFLOW || notional < minNotional) {
            return;
        }
        out.add(slot, Side.SELL, quantity, limit, prices.mark(id));
    }

    /**
     * Collects the priced underweight slots into {@code buySlots}, ordered by shortfall, largest first, ties by
     * lower slot: an insertion sort in place, as slots arrive in ascending order and only a strictly larger
     * shortfall moves ahead. No boxing, no comparator.
     *
     * @return how many candidates
     */
    private int rankBuys(final Portfolio portfolio, final PriceBoard prices) {
        final int assets = portfolio.assets();
        int count = 0;
        for (int k = 0; k < assets; k++) {
            final long shortfall = values.desired(k) - portfolio.marketValue(k);
            final int id = portfolio.instrumentId(k);
            if (shortfall <= 0 || portfolio.openSellQuantity(k) > 0 || !isPriced(prices, id)) {
                continue;
            }
            final long limit = LimitPrices.buyLimit(prices.buyTouch(id), universe.get(id).tickSize(), limitCollarPpm);
            if (limit <= 0) {
                continue;
            }
            buyShortfall[k] = shortfall;
            buyLimit[k] = limit;
            int i = count;
            while (i > 0 && buyShortfall[buySlots[i - 1]] < shortfall) {
                buySlots[i] = buySlots[i - 1];
                i--;
            }
            buySlots[i] = k;
            count++;
        }
        return count;
    }

    /** A known instrument with a quote on the board and a positive mark to reference the order to. */
    private boolean isPriced(final PriceBoard prices, final int id) {
        return universe.isValidId(id) && prices.hasPrice(id) && prices.mark(id) > 0;
    }
}
