package io.rebalancer.engine.core;

import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

/**
 * Everything the engine decides, as primitive callbacks on the engine thread, each carrying the sequence of
 * the input event that caused it so a journal can answer "why was this order sent?". Implementations must
 * not block; the daemon's implementation copies into a queue drained by another thread.
 */
public interface EngineListener {
    /** An input was refused; {@code subject} is the instrument id, client order id or command code. */
    void onInputRejected(long inputSequence, long timeNanos, InputReject reason, long subject);

    /** A portfolio's trigger fired and a rebalance is being planned. */
    void onRebalanceTriggered(long inputSequence, long timeNanos, int portfolioId, TriggerReason reason,
        double driftRatio, double portfolioDrift);

    /** A planned child order passed risk and was handed to the order sink. */
    void onOrderSent(long inputSequence, long timeNanos, long clientOrderId, int portfolioId, int instrumentId,
        byte side, long quantity, long limitPrice);

    /** A planned child order was stopped by the risk gate and never left the engine. */
    void onOrderRejected(long inputSequence, long timeNanos, int portfolioId, int instrumentId, byte side,
        long quantity, long limitPrice, RiskVerdict verdict);

    /** A rebalance finished planning: how many orders went out and how many risk stopped. */
    void onRebalancePlanned(long inputSequence, long timeNanos, int portfolioId, int ordersSent, int ordersRejected);

    /** A fill was booked into holdings and cash. */
    void onFill(long inputSequence, long timeNanos, long clientOrderId, int portfolioId, int instrumentId, byte side,
        long quantity, long price, long leavesQuantity);

    /** A working order reached a final state; {@code execType} says which; {@code released} units never filled. */
    void onOrderClosed(long inputSequence, long timeNanos, long clientOrderId, int portfolioId, int execType,
        long released);

    /**
     * An order moved to a new state. {@code clientOrderId} is the order's first id (the one onOrderSent named),
     * whatever ids later replaces gave it; {@code averagePrice} is micros, 0 before the first fill.
     */
    void onOrderState(long inputSequence, long timeNanos, long clientOrderId, int portfolioId, OrderState state,
        long cumulativeQuantity, long averagePrice, long leavesQuantity);

    /** A cancel request for a working order was handed to the order sink. */
    void onCancelRequested(long inputSequence, long timeNanos, long requestId, long clientOrderId, int portfolioId,
        CancelReason reason);

    /** A cancel/replace request (new total quantity and limit) was handed to the order sink. */
    void onReplaceRequested(long inputSequence, long timeNanos, long requestId, long clientOrderId, int portfolioId,
        long quantity, long limitPrice);

    /** A portfolio's value and drift, in answer to a status command. */
    void onPortfolioStatus(long inputSequence, long timeNanos, int portfolioId, DriftStatus status, long totalValue,
        long settledCash, double driftRatio, double portfolioDrift, int openOrders);

    /** The engine hit a bug (an exception) and halted trading; state is kept, inputs keep being booked. */
    void onEngineFault(long inputSequence, long timeNanos, Throwable fault);
}
