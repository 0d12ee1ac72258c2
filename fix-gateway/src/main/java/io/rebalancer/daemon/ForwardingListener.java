package io.rebalancer.daemon;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

/**
 * Passes every callback on to the next listener; subclasses override the few they count or check, on the engine
 * thread, and call {@code super}. One place to follow when {@link EngineListener} grows a callback.
 */
class ForwardingListener implements EngineListener {
    private final EngineListener next;

    ForwardingListener(final EngineListener next) {
        this.next = next;
    }

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
        next.onInputRejected(inputSequence, timeNanos, reason, subject);
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
        next.onRebalanceTriggered(inputSequence, timeNanos, portfolioId, reason, driftRatio, portfolioDrift);
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        next.onOrderSent(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity,
            limitPrice);
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
        next.onOrderRejected(inputSequence, timeNanos, portfolioId, instrumentId, side, quantity, limitPrice,
            verdict);
    }

    @Override
    public void onRebalancePlanned(final long inputSequence, final long timeNanos, final int portfolioId,
        final int ordersSent, final int ordersRejected) {
        next.onRebalancePlanned(inputSequence, timeNanos, portfolioId, ordersSent, ordersRejected);
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long price, final long leavesQuantity) {
        next.onFill(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, price,
            leavesQuantity);
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        next.onOrderClosed(inputSequence, timeNanos, clientOrderId, portfolioId, execType, released);
    }

    @Override
    public void onOrderState(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final OrderState state, final long cumulativeQuantity, final long averagePrice,
        final long leavesQuantity) {
        next.onOrderState(inputSequence, timeNanos, clientOrderId, portfolioId, state, cumulativeQuantity,
            averagePrice, leavesQuantity);
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
        next.onCancelRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, reason);
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
        next.onReplaceRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, quantity,
            limitPrice);
    }

    @Override
    public void onPortfolioStatus(final long inputSequence, final long timeNanos, final int portfolioId,
        final DriftStatus status, final long totalValue, final long settledCash, final double driftRatio,
        final double portfolioDrift, final int openOrders) {
        next.onPortfolioStatus(inputSequence, timeNanos, portfolioId, status, totalValue, settledCash, driftRatio,
            portfolioDrift, openOrders);
    }

    @Override
    public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
        next.onEngineFault(inputSequence, timeNanos, fault);
    }
}
