package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's side of the comparison: every listener callback and every order handed to the sink, in the
 * order the engine made them. An order is logged once, from the sink; the listener's report of the same order
 * must repeat it exactly, and a mismatch is logged as a problem so the comparison fails on it.
 */
final class RecordingListener implements EngineListener, OrderSink {
    private final List<Output> log = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Output.OrderSent lastSunk;
    /** The last state reported for each order, by its own id, and the orders reported since the last look. */
    private final Map<Long, ShownState> lastStates = new HashMap<>();
    private final Set<Long> reportedSince = new HashSet<>();

    List<Output> log() {
        return log;
    }

    /** Inconsistencies between the sink and the listener, or faults the engine reported. */
    List<String> problems() {
        return problems;
    }

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        lastSunk = new Output.OrderSent(timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity,
            limitPrice);
        log.add(lastSunk);
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        log.add(new Output.CancelSent(timeNanos, requestId, originalClientOrderId, portfolioId, orderQuantity, null));
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        log.add(new Output.ReplaceSent(timeNanos, requestId, originalClientOrderId, portfolioId, orderQuantity,
            limitPrice));
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
        throw new IllegalStateException("the reference never asks for an order's status");
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        final Output.OrderSent reported = new Output.OrderSent(timeNanos, clientOrderId, portfolioId, instrumentId,
            side, quantity, limitPrice);
        if (!reported.equals(lastSunk)) {
            problems.add("listener reported " + reported + " but the sink got " + lastSunk);
        }
    }

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
        log.add(new Output.InputRejected(timeNanos, reason, subject));
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
        log.add(new Output.Triggered(timeNanos, portfolioId, reason, driftRatio, portfolioDrift));
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
        log.add(new Output.RiskRejected(timeNanos, portfolioId, instrumentId, side, quantity, limitPrice, verdict));
    }

    @Override
    public void onRebalancePlanned(final long inputSequence, final long timeNanos, final int portfolioId,
        final int ordersSent, final int ordersRejected) {
        log.add(new Output.Planned(timeNanos, portfolioId, ordersSent, ordersRejected));
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long price,
        final long leavesQuantity) {
        log.add(new Output.Filled(timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, price,
            leavesQuantity));
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        log.add(new Output.Closed(timeNanos, clientOrderId, portfolioId, execType, released));
    }

    @Override
    public void onOrderState(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final OrderState state, final long cumulativeQuantity, final long averagePrice,
        final long leavesQuantity) {
        // Compared with the reference's view after every batch, not entry by entry (see DifferentialTest).
        lastStates.put(clientOrderId, new ShownState(state, cumulativeQuantity, averagePrice, leavesQuantity));
        reportedSince.add(clientOrderId);
    }

    ShownState lastState(final long clientOrderId) {
        return lastStates.get(clientOrderId);
    }

    /** Orders with a state report since the set was last cleared. */
    Set<Long> reportedSince() {
        return reportedSince;
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
        // The sink logged the request just before; the listener adds why it was sent.
        final int last = log.size() - 1;
        if (last >= 0 && log.get(last) instanceof Output.CancelSent sunk && sunk.requestId() == requestId
            && sunk.portfolio() == portfolioId && sunk.reason() == null) {
            log.set(last, sunk.withReason(reason));
        } else {
            problems.add("listener reported cancel request " + requestId + " for order " + clientOrderId
                + " but the sink's last record is " + (last >= 0 ? log.get(last) : "none"));
        }
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
        final int last = log.size() - 1;
        if (!(last >= 0 && log.get(last) instanceof Output.ReplaceSent sunk && sunk.requestId() == requestId
            && sunk.portfolio() == portfolioId && sunk.quantity() == quantity && sunk.limitPrice() == limitPrice)) {
            problems.add("listener reported replace request " + requestId + " for order " + clientOrderId
                + " but the sink's last record is " + (last >= 0 ? log.get(last) : "none"));
        }
    }

    @Override
    public void onPortfolioStatus(final long inputSequence, final long timeNanos, final int portfolioId,
        final DriftStatus status, final long totalValue, final long settledCash, final double driftRatio,
        final double portfolioDrift, final int openOrders) {
        log.add(new Output.Status(timeNanos, portfolioId, status, totalValue, settledCash, driftRatio,
            portfolioDrift, openOrders));
    }

    @Override
    public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
        problems.add("engine fault at input " + inputSequence + ": " + fault);
    }
}
