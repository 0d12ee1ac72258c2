package io.rebalancer.engine.journaling;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Records every decision the engine makes, then passes it on: sits between the engine and its order sink and
 * listener, on the engine thread. An order, cancel, replace or status request is flushed to the journal before it
 * is handed on, so nothing reaches the venue that the journal does not hold, together with every input before it.
 * What the listener hears is assembled and flushed with the batch (the listener only reports).
 * <p>
 * Every decision carries the sequence of the input that caused it. {@code onOrderSent} is not recorded on its own:
 * the NEW_ORDER record of the same order, written just before, says all it says.
 */
public final class DecisionJournal implements EngineListener, OrderSink {
    private final EngineListener listener;
    private final OrderSink orders;
    private RecordBuffer records;
    private UnsafeBuffer buffer;
    /** False while the engine re-runs journaled inputs on a restart: decisions are recorded, not passed on. */
    private boolean live = true;
    /** The input sequence of the latest decision: order sink calls carry none, so they take the listener's. */
    private long sequence;

    public DecisionJournal(final RecordBuffer records, final EngineListener listener, final OrderSink orders) {
        this.records = records;
        this.buffer = records.buffer();
        this.listener = listener;
        this.orders = orders;
    }

    /**
     * One that records nothing until {@link #replayInto} or {@link #goLive} says where: a restart builds the engine
     * before it knows where the journal resumes.
     */
    public DecisionJournal(final EngineListener listener, final OrderSink orders) {
        this.listener = listener;
        this.orders = orders;
        live = false;
    }

    /**
     * From now on records decisions into {@code replayed} and passes nothing on: the engine is re-running inputs
     * the journal already holds (a restart), and what it decides again was sent, or not, the first time.
     */
    public void replayInto(final RecordBuffer replayed) {
        records = replayed;
        buffer = replayed.buffer();
        live = false;
    }

    /** From now on records decisions into the journal's {@code records} and passes them on. */
    public void goLive(final RecordBuffer journal) {
        records = journal;
        buffer = journal.buffer();
        live = true;
    }

    /** The input now being handled: the cause of any order the sink is handed before the listener hears of it. */
    public void inputSequence(final long inputSequence) {
        sequence = inputSequence;
    }

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        order(JournalRecords.NEW_ORDER, timeNanos, clientOrderId, 0, portfolioId, instrumentId, side, quantity,
            limitPrice);
        if (live) {
            orders.onNewOrder(timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, limitPrice);
        }
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        order(JournalRecords.CANCEL_REQUEST, timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId,
            side, orderQuantity, 0);
        if (live) {
            orders.onCancelOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
                orderQuantity);
        }
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        order(JournalRecords.REPLACE_REQUEST, timeNanos, requestId, originalClientOrderId, portfolioId,
            instrumentId, side, orderQuantity, limitPrice);
        if (live) {
            orders.onReplaceOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
                orderQuantity, limitPrice);
        }
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
        order(JournalRecords.STATUS_REQUEST, timeNanos, clientOrderId, 0, portfolioId, instrumentId, side,
            orderQuantity, 0);
        if (live) {
            orders.onStatusRequest(timeNanos, clientOrderId, portfolioId, instrumentId, side, orderQuantity);
        }
    }

    private void order(final int type, final long time, final long clientOrderId, final long originalId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        final int at = records.begin(type, 0, JournalRecords.ORDER_LENGTH, sequence, time);
        buffer.putLong(at + JournalRecords.ORDER_CLIENT_ORDER_ID, clientOrderId);
        buffer.putLong(at + JournalRecords.ORDER_ORIGINAL_ID, originalId);
        buffer.putLong(at + JournalRecords.ORDER_QUANTITY, quantity);
        buffer.putLong(at + JournalRecords.ORDER_LIMIT_PRICE, limitPrice);
        buffer.putInt(at + JournalRecords.ORDER_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.ORDER_INSTRUMENT, instrumentId);
        buffer.putInt(at + JournalRecords.ORDER_SIDE, side);
        records.end(at);
        records.flush();
    }

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
        final int at = begin(JournalRecords.INPUT_REJECTED, JournalRecords.REJECT_LENGTH, inputSequence, timeNanos);
        buffer.putInt(at + JournalRecords.REJECT_REASON, reason.ordinal());
        buffer.putLong(at + JournalRecords.REJECT_SUBJECT, subject);
        records.end(at);
        if (live) {
            listener.onInputRejected(inputSequence, timeNanos, reason, subject);
        }
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
        final int at = begin(JournalRecords.REBALANCE_TRIGGERED, JournalRecords.TRIGGER_LENGTH, inputSequence,
            timeNanos);
        buffer.putInt(at + JournalRecords.TRIGGER_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.TRIGGER_REASON, reason.ordinal());
        buffer.putLong(at + JournalRecords.TRIGGER_DRIFT_RATIO, Double.doubleToRawLongBits(driftRatio));
        buffer.putLong(at + JournalRecords.TRIGGER_PORTFOLIO_DRIFT, Double.doubleToRawLongBits(portfolioDrift));
        records.end(at);
        if (live) {
            listener.onRebalanceTriggered(inputSequence, timeNanos, portfolioId, reason, driftRatio, portfolioDrift);
        }
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        if (live) {
            listener.onOrderSent(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity,
                limitPrice);
        }
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
        final int at = begin(JournalRecords.RISK_REJECTED, JournalRecords.RISK_LENGTH, inputSequence, timeNanos);
        buffer.putInt(at + JournalRecords.RISK_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.RISK_INSTRUMENT, instrumentId);
        buffer.putInt(at + JournalRecords.RISK_SIDE, side);
        buffer.putInt(at + JournalRecords.RISK_VERDICT, verdict.ordinal());
        buffer.putLong(at + JournalRecords.RISK_QUANTITY, quantity);
        buffer.putLong(at + JournalRecords.RISK_LIMIT_PRICE, limitPrice);
        records.end(at);
        if (live) {
            listener.onOrderRejected(inputSequence, timeNanos, portfolioId, instrumentId, side, quantity, limitPrice,
                verdict);
        }
    }

    @Override
    public void onRebalancePlanned(final long inputSequence, final long timeNanos, final int portfolioId,
        final int ordersSent, final int ordersRejected) {
        final int at = begin(JournalRecords.REBALANCE_PLANNED, JournalRecords.PLANNED_LENGTH, inputSequence,
            timeNanos);
        buffer.putInt(at + JournalRecords.PLANNED_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.PLANNED_SENT, ordersSent);
        buffer.putInt(at + JournalRecords.PLANNED_REJECTED, ordersRejected);
        records.end(at);
        if (live) {
            listener.onRebalancePlanned(inputSequence, timeNanos, portfolioId, ordersSent, ordersRejected);
        }
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long price, final long leavesQuantity) {
        final int at = begin(JournalRecords.FILL, JournalRecords.FILL_LENGTH, inputSequence, timeNanos);
        buffer.putLong(at + JournalRecords.FILL_CLIENT_ORDER_ID, clientOrderId);
        buffer.putInt(at + JournalRecords.FILL_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.FILL_INSTRUMENT, instrumentId);
        buffer.putInt(at + JournalRecords.FILL_SIDE, side);
        buffer.putLong(at + JournalRecords.FILL_QUANTITY, quantity);
        buffer.putLong(at + JournalRecords.FILL_PRICE, price);
        buffer.putLong(at + JournalRecords.FILL_LEAVES, leavesQuantity);
        records.end(at);
        if (live) {
            listener.onFill(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, price,
                leavesQuantity);
        }
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        final int at = begin(JournalRecords.ORDER_CLOSED, JournalRecords.CLOSED_LENGTH, inputSequence, timeNanos);
        buffer.putLong(at + JournalRecords.CLOSED_CLIENT_ORDER_ID, clientOrderId);
        buffer.putInt(at + JournalRecords.CLOSED_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.CLOSED_EXEC_TYPE, execType);
        buffer.putLong(at + JournalRecords.CLOSED_RELEASED, released);
        records.end(at);
        if (live) {
            listener.onOrderClosed(inputSequence, timeNanos, clientOrderId, portfolioId, execType, released);
        }
    }

    @Override
    public void onOrderState(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final OrderState state, final long cumulativeQuantity, final long averagePrice,
        final long leavesQuantity) {
        final int at = begin(JournalRecords.ORDER_STATE, JournalRecords.STATE_LENGTH, inputSequence, timeNanos);
        buffer.putLong(at + JournalRecords.STATE_CLIENT_ORDER_ID, clientOrderId);
        buffer.putInt(at + JournalRecords.STATE_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.STATE_STATE, state.ordinal());
        buffer.putLong(at + JournalRecords.STATE_CUMULATIVE, cumulativeQuantity);
        buffer.putLong(at + JournalRecords.STATE_AVERAGE_PRICE, averagePrice);
        buffer.putLong(at + JournalRecords.STATE_LEAVES, leavesQuantity);
        records.end(at);
        if (live) {
            listener.onOrderState(inputSequence, timeNanos, clientOrderId, portfolioId, state, cumulativeQuantity,
                averagePrice, leavesQuantity);
        }
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
        final int at = begin(JournalRecords.CANCEL_REQUESTED, JournalRecords.CANCEL_REQUESTED_LENGTH, inputSequence,
            timeNanos);
        buffer.putLong(at + JournalRecords.REQUESTED_REQUEST_ID, requestId);
        buffer.putLong(at + JournalRecords.REQUESTED_CLIENT_ORDER_ID, clientOrderId);
        buffer.putInt(at + JournalRecords.REQUESTED_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.REQUESTED_REASON, reason.ordinal());
        records.end(at);
        if (live) {
            listener.onCancelRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, reason);
        }
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
        final int at = begin(JournalRecords.REPLACE_REQUESTED, JournalRecords.REPLACE_REQUESTED_LENGTH,
            inputSequence, timeNanos);
        buffer.putLong(at + JournalRecords.REQUESTED_REQUEST_ID, requestId);
        buffer.putLong(at + JournalRecords.REQUESTED_CLIENT_ORDER_ID, clientOrderId);
        buffer.putInt(at + JournalRecords.REQUESTED_PORTFOLIO, portfolioId);
        buffer.putLong(at + JournalRecords.REQUESTED_QUANTITY, quantity);
        buffer.putLong(at + JournalRecords.REQUESTED_LIMIT_PRICE, limitPrice);
        records.end(at);
        if (live) {
            listener.onReplaceRequested(inputSequence, timeNanos, requestId, clientOrderId, portfolioId, quantity,
                limitPrice);
        }
    }

    @Override
    public void onPortfolioStatus(final long inputSequence, final long timeNanos, final int portfolioId,
        final DriftStatus status, final long totalValue, final long settledCash, final double driftRatio,
        final double portfolioDrift, final int openOrders) {
        final int at = begin(JournalRecords.PORTFOLIO_STATUS, JournalRecords.STATUS_LENGTH, inputSequence, timeNanos);
        buffer.putInt(at + JournalRecords.STATUS_PORTFOLIO, portfolioId);
        buffer.putInt(at + JournalRecords.STATUS_STATUS, status.ordinal());
        buffer.putLong(at + JournalRecords.STATUS_TOTAL_VALUE, totalValue);
        buffer.putLong(at + JournalRecords.STATUS_SETTLED_CASH, settledCash);
        buffer.putLong(at + JournalRecords.STATUS_DRIFT_RATIO, Double.doubleToRawLongBits(driftRatio));
        buffer.putLong(at + JournalRecords.STATUS_PORTFOLIO_DRIFT, Double.doubleToRawLongBits(portfolioDrift));
        buffer.putInt(at + JournalRecords.STATUS_OPEN_ORDERS, openOrders);
        records.end(at);
        if (live) {
            listener.onPortfolioStatus(inputSequence, timeNanos, portfolioId, status, totalValue, settledCash,
                driftRatio, portfolioDrift, openOrders);
        }
    }

    /** A bug: rare, so the text may allocate. */
    @Override
    public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
        final byte[] text = RecordBuffer.utf8(String.valueOf(fault));
        final int at = begin(JournalRecords.ENGINE_FAULT, JournalRecords.FAULT_TEXT + text.length, inputSequence,
            timeNanos);
        buffer.putInt(at + JournalRecords.FAULT_TEXT_LENGTH, text.length);
        records.putText(at + JournalRecords.FAULT_TEXT, text);
        records.end(at);
        if (live) {
            listener.onEngineFault(inputSequence, timeNanos, fault);
        }
    }

    private int begin(final int type, final int length, final long inputSequence, final long time) {
        sequence = inputSequence;
        return records.begin(type, 0, length, inputSequence, time);
    }
}
