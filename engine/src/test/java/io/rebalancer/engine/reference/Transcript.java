package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every call the engine makes on its listener and its order sink, with every argument (input sequence and doubles
 * included), in order: two engines that behave the same leave equal transcripts. Passes each call on to a
 * {@link RecordingListener} when given one, so {@link RandomEvents} can follow the orders.
 */
final class Transcript implements EngineListener, OrderSink {
    private final List<List<Object>> calls = new ArrayList<>();
    private final RecordingListener next;

    Transcript() {
        this(null);
    }

    Transcript(final RecordingListener next) {
        this.next = next;
    }

    List<List<Object>> calls() {
        return calls;
    }

    private void add(final Object... call) {
        calls.add(Arrays.asList(call));
    }

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        add("newOrder", timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, limitPrice);
        if (next != null) {
            next.onNewOrder(timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, limitPrice);
        }
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        add("cancelOrder", timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
            orderQuantity);
        if (next != null) {
            next.onCancelOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
                orderQuantity);
        }
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        add("replaceOrder", timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
            orderQuantity, limitPrice);
        if (next != null) {
            next.onReplaceOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
                orderQuantity, limitPrice);
        }
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
        add("statusRequest", timeNanos, clientOrderId, portfolioId, instrumentId, side, orderQuantity);
        if (next != null) {
            next.onStatusRequest(timeNanos, clientOrderId, portfolioId, instrumentId, side, orderQuantity);
        }
    }

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
        add("inputRejected", inputSequence, timeNanos, reason, subject);
        if (next != null) {
            next.onInputRejected(inputSequence, timeNanos, reason, subject);
        }
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
        add("triggered", inputSequence, timeNanos, portfolioId, reason, driftRatio, portfolioDrift);
        if (next != null) {
            next.onRebalanceTriggered(inputSequence, timeNanos, portfolioId, reason, driftRatio, portfolioDrift);
        }
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        add("orderSent", inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity,
            limitPrice);
        if (next != null) {
            next.onOrderSent(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity,
                limitPrice);
        }
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
        add("orderRejected", inputSequence, timeNanos, portfolioId, instrumentId, side, quantity, limitPrice,
            verdict);
        if (next != null) {
            next.onOrderRejected(inputSequence, timeNanos, portfolioId, instrumentId, side, quantity, limitPrice,
                verdict);
        }
    }

    @Override
    public void onRebalancePlanned(final long inputSequence, final long timeNanos, final int portfolioId,
        final int ordersSent, final int ordersRejected) {
        add("planned", inputSequence, timeNanos, portfolioId, ordersSent, ordersRejected);
        if (next != null) {
            next.onRebalancePlanned(inputSequence, timeNanos, portfolioId, ordersSent, ordersRejected);
        }
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long price,
        final long leavesQuantity) {
        add("fill", inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, price,
            leavesQuantity);
        if (next != null) {
            next.onFill(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, price,
                leavesQuantity);
        }
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        add("closed", inputSequence, timeNanos, clientOrderId, portfolioId, execType, released);
        if (next != null) {
            next.onOrderClosed(inputSequence, timeNanos, clientOrderId, portfolioId, execType, released);
        }
    }

    @Override
    public void onOrderState(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final OrderState state, final long cumulativeQuantity, final long averagePrice,
        final long leavesQuantity) {
        add("state", inputSequence, timeNanos, clientOrderId, portfolioId, state, cumulativeQuantity, averagePrice,
            leavesQuantity);
        if (next != null) {
            next.onOrderState(inputSequence, timeNanos, clientOrderId, portfolioId, state, cumulativeQuantity,
                averagePrice, leavesQuantity);
        }
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
        add("cancelRequested", inputSequence, timeNanos, requestId, clientOrderId, portfolioId, reason);
        if (next != null) {
            next.onCancelRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, reason);
        }
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
        add("replaceRequested", inputSequence, timeNanos, requestId, clientOrderId, portfolioId, quantity,
            limitPrice);
        if (next != null) {
            next.onReplaceRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, quantity,
                limitPrice);
        }
    }

    @Override
    public void onPortfolioStatus(final long inputSequence, final long timeNanos, final int portfolioId,
        final DriftStatus status, final long totalValue, final long settledCash, final double driftRatio,
        final double portfolioDrift, final int openOrders) {
        add("status", inputSequence, timeNanos, portfolioId, status, totalValue, settledCash, driftRatio,
            portfolioDrift, openOrders);
        if (next != null) {
            next.onPortfolioStatus(inputSequence, timeNanos, portfolioId, status, totalValue, settledCash, driftRatio,
                portfolioDrift, openOrders);
        }
    }

    @Override
    public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
        add("fault", inputSequence, timeNanos, String.valueOf(fault));
        if (next != null) {
            next.onEngineFault(inputSequence, timeNanos, fault);
        }
    }
}
