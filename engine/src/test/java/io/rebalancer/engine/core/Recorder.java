package io.rebalancer.engine.core;

import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

import java.util.ArrayList;
import java.util.List;

/** Records every engine output as a Java record so tests can assert exact event lists. */
final class Recorder implements EngineListener, OrderSink {
    record Order(long time, long clientOrderId, int portfolioId, int instrumentId, byte side, long quantity,
                 long limitPrice) {
    }

    record Rejected(long time, InputReject reason, long subject) {
    }

    record Triggered(long time, int portfolioId, TriggerReason reason, double ratio) {
    }

    record RiskRejected(int portfolioId, int instrumentId, byte side, long quantity, RiskVerdict verdict) {
    }

    record Fill(long clientOrderId, int portfolioId, long quantity, long price, long leaves) {
    }

    record Closed(long clientOrderId, int portfolioId, int execType, long released) {
    }

    record Cancel(long time, long requestId, long originalId, int portfolioId, long quantity) {
    }

    record Replace(long time, long requestId, long originalId, int portfolioId, long quantity, long limitPrice) {
    }

    record State(long clientOrderId, OrderState state, long cumulativeQuantity, long averagePrice, long leaves) {
    }

    record CancelRequest(long requestId, long clientOrderId, CancelReason reason) {
    }

    record Status(int portfolioId, DriftStatus status, long totalValue, double ratio, int openOrders) {
    }

    final List<Order> orders = new ArrayList<>();
    final List<Rejected> rejects = new ArrayList<>();
    final List<Triggered> triggers = new ArrayList<>();
    final List<RiskRejected> riskRejects = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<Closed> closed = new ArrayList<>();
    final List<Status> statuses = new ArrayList<>();
    final List<Cancel> cancels = new ArrayList<>();
    final List<Replace> replaces = new ArrayList<>();
    final List<State> states = new ArrayList<>();
    /** Client order ids the engine asked the venue about, in order. */
    final List<Long> statusRequests = new ArrayList<>();
    final List<CancelRequest> cancelRequests = new ArrayList<>();
    final List<Throwable> faults = new ArrayList<>();
    private int sentViaListener;

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        orders.add(new Order(timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, limitPrice));
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        cancels.add(new Cancel(timeNanos, requestId, originalClientOrderId, portfolioId, orderQuantity));
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        replaces.add(new Replace(timeNanos, requestId, originalClientOrderId, portfolioId, orderQuantity, limitPrice));
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
        statusRequests.add(clientOrderId);
    }

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
        rejects.add(new Rejected(timeNanos, reason, subject));
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
        triggers.add(new Triggered(timeNanos, portfolioId, reason, driftRatio));
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        sentViaListener++;
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
        riskRejects.add(new RiskRejected(portfolioId, instrumentId, side, quantity, verdict));
    }

    @Override
    public void onRebalancePlanned(final long inputSequence, final long timeNanos, final int portfolioId,
        final int ordersSent, final int ordersRejected) {
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long price,
        final long leavesQuantity) {
        fills.add(new Fill(clientOrderId, portfolioId, quantity, price, leavesQuantity));
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        closed.add(new Closed(clientOrderId, portfolioId, execType, released));
    }

    @Override
    public void onOrderState(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final OrderState state, final long cumulativeQuantity, final long averagePrice,
        final long leavesQuantity) {
        states.add(new State(clientOrderId, state, cumulativeQuantity, averagePrice, leavesQuantity));
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
        cancelRequests.add(new CancelRequest(requestId, clientOrderId, reason));
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
        // The sink records the request itself.
    }

    @Override
    public void onPortfolioStatus(final long inputSequence, final long timeNanos, final int portfolioId,
        final DriftStatus status, final long totalValue, final long settledCash, final double driftRatio,
        final double portfolioDrift, final int openOrders) {
        statuses.add(new Status(portfolioId, status, totalValue, driftRatio, openOrders));
    }

    @Override
    public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
        faults.add(fault);
    }

    int sentViaListener() {
        return sentViaListener;
    }

    void clear() {
        orders.clear();
        rejects.clear();
        triggers.clear();
        riskRejects.clear();
        fills.clear();
        closed.clear();
        statuses.clear();
    }
}
