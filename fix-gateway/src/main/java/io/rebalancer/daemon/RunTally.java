package io.rebalancer.daemon;

import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts, per portfolio, what the summary reports (rebalances, orders sent, filled, cancelled, rejected by risk,
 * fills), then passes every callback on. It runs on the engine thread, so it only bumps primitive counters with
 * ordered stores; it is not lossy like the console, so the summary is exact even when console lines were dropped.
 */
final class RunTally extends ForwardingListener {
    static final int REBALANCES = 0;
    static final int ORDERS_SENT = 1;
    static final int ORDERS_REJECTED = 2;
    static final int FILLS = 3;
    static final int ORDERS_FILLED = 4;
    static final int ORDERS_UNFILLED = 5;
    private static final int COUNTERS = 6;

    private final AtomicLongArray counts;

    RunTally(final int portfolios, final EngineListener next) {
        super(next);
        counts = new AtomicLongArray(portfolios * COUNTERS);
    }

    /** One of this class's counters for one portfolio; any thread. */
    long get(final int portfolioId, final int counter) {
        return counts.get(portfolioId * COUNTERS + counter);
    }

    private void increment(final int portfolioId, final int counter) {
        final int at = portfolioId * COUNTERS + counter;
        counts.lazySet(at, counts.get(at) + 1);
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
        increment(portfolioId, REBALANCES);
        super.onRebalanceTriggered(inputSequence, timeNanos, portfolioId, reason, driftRatio, portfolioDrift);
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        increment(portfolioId, ORDERS_SENT);
        super.onOrderSent(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity,
            limitPrice);
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
        increment(portfolioId, ORDERS_REJECTED);
        super.onOrderRejected(inputSequence, timeNanos, portfolioId, instrumentId, side, quantity, limitPrice,
            verdict);
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long price, final long leavesQuantity) {
        increment(portfolioId, FILLS);
        super.onFill(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, price,
            leavesQuantity);
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        increment(portfolioId, execType == ExecType.TRADE ? ORDERS_FILLED : ORDERS_UNFILLED);
        super.onOrderClosed(inputSequence, timeNanos, clientOrderId, portfolioId, execType, released);
    }
}
