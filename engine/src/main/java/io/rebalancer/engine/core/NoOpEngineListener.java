package io.rebalancer.engine.core;

import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

/** Ignores everything; a base for listeners that care about a few callbacks, and for benchmarks. */
public class NoOpEngineListener implements EngineListener {
    /** Shared instance; the class has no state. */
    public static final NoOpEngineListener INSTANCE = new NoOpEngineListener();

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
    }

    @Override
    public void onRebalancePlanned(final long inputSequence, final long timeNanos, final int portfolioId,
        final int ordersSent, final int ordersRejected) {
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long price, final long leavesQuantity) {
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
    }

    @Override
    public void onOrderState(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final OrderState state, final long cumulativeQuantity, final long averagePrice,
        final long leavesQuantity) {
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
    }

    @Override
    public void onPortfolioStatus(final long inputSequence, final long timeNanos, final int portfolioId,
        final DriftStatus status, final long totalValue, final long settledCash, final double driftRatio,
        final double portfolioDrift, final int openOrders) {
    }

    @Override
    public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
    }
}
