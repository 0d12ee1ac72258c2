package io.rebalancer.daemon;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts, per portfolio, what the summary reports (rebalances, orders sent, rejected by risk, fills, cancels and
 * replaces requested, and how each order ended: filled, cancelled, rejected by the venue, expired), then passes
 * every callback on. It runs on the engine thread, so it only bumps primitive counters with
 * ordered stores; it is not lossy like the console, so the summary is exact even when console lines were dropped.
 */
final class RunTally extends ForwardingListener {
    static final int REBALANCES = 0;
    static final int ORDERS_SENT = 1;
    static final int ORDERS_REJECTED = 2;
    static final int FILLS = 3;
    static final int ORDERS_FILLED = 4;
    static final int ORDERS_CANCELLED = 5;
    /** Orders the venue (or the gateway, when it could not send) rejected. */
    static final int ORDERS_REFUSED = 6;
    static final int ORDERS_EXPIRED = 7;
    static final int CANCELS_REQUESTED = 8;
    static final int REPLACES_REQUESTED = 9;
    private static final int COUNTERS = 10;

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
        increment(portfolioId, closedAs(execType));
        super.onOrderClosed(inputSequence, timeNanos, clientOrderId, portfolioId, execType, released);
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
        increment(portfolioId, CANCELS_REQUESTED);
        super.onCancelRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, reason);
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
        increment(portfolioId, REPLACES_REQUESTED);
        super.onReplaceRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, quantity,
            limitPrice);
    }

    private static int closedAs(final int execType) {
        switch (execType) {
            case ExecType.TRADE:
                return ORDERS_FILLED;
            case ExecType.REJECTED:
                return ORDERS_REFUSED;
            case ExecType.EXPIRED:
                return ORDERS_EXPIRED;
            default:
                return ORDERS_CANCELLED;
        }
    }
}
