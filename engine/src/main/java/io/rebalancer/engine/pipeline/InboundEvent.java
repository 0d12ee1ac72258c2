package io.rebalancer.engine.pipeline;

import io.rebalancer.engine.domain.Fixed;

/**
 * One slot of the inbound ring: a mutable bag of primitives, pre-allocated once and reused forever.
 * It holds no object references, so a slot costs no garbage and no pointer chasing. Which fields mean
 * something depends on {@link #type()}; publishers set every field of their kind, stale fields of other
 * kinds are ignored.
 */
public final class InboundEvent {
    public static final int TICK = 1;
    public static final int EXECUTION = 2;
    public static final int TIMER = 3;
    public static final int COMMAND = 4;

    private int type;
    private long timeNanos;
    private int instrumentId;
    private long bid;
    private long ask;
    private long last;
    private long clientOrderId;
    private long executionId;
    private int execType;
    private long lastQuantity;
    private long lastPrice;
    private long leavesQuantity;
    private int orderStatus;
    private long cumulativeQuantity;
    private long averagePrice;
    private long sourceSequence;
    private int command;
    private int target;
    private long argument;

    public int type() {
        return type;
    }

    /** Event time, epoch nanoseconds: the only clock the engine reads. */
    public long timeNanos() {
        return timeNanos;
    }

    public int instrumentId() {
        return instrumentId;
    }

    /** Bid in micros, 0 when absent, {@link Fixed#INVALID} when the source had no number. */
    public long bid() {
        return bid;
    }

    public long ask() {
        return ask;
    }

    public long last() {
        return last;
    }

    public long clientOrderId() {
        return clientOrderId;
    }

    public long executionId() {
        return executionId;
    }

    /** One of {@link ExecType}'s codes. */
    public int execType() {
        return execType;
    }

    public long lastQuantity() {
        return lastQuantity;
    }

    public long lastPrice() {
        return lastPrice;
    }

    public long leavesQuantity() {
        return leavesQuantity;
    }

    /** For an {@link ExecType#ORDER_STATUS} report: one of {@link VenueOrderStatus}'s codes; 0 otherwise. */
    public int orderStatus() {
        return orderStatus;
    }

    /** For an {@link ExecType#ORDER_STATUS} report: what the venue says has filled in total. */
    public long cumulativeQuantity() {
        return cumulativeQuantity;
    }

    /** For an {@link ExecType#ORDER_STATUS} report: the average fill price in micros, 0 when nothing filled. */
    public long averagePrice() {
        return averagePrice;
    }

    /**
     * Where an execution report came from in its source's own numbering (the FIX MsgSeqNum of the message), 0 when
     * the source has none. The engine ignores it; the journal keeps it, so a restart knows which of the venue's
     * messages it has and asks the venue to resend the rest.
     */
    public long sourceSequence() {
        return sourceSequence;
    }

    /** One of {@link Command}'s codes. */
    public int command() {
        return command;
    }

    /** The portfolio (or other id) a command is about, -1 for all. */
    public int target() {
        return target;
    }

    public long argument() {
        return argument;
    }

    /** Sets this slot to a market-data tick. Prices in micros; 0 = side absent. */
    public InboundEvent tick(final long time, final int instrument, final long bidPrice, final long askPrice,
        final long lastTradePrice) {
        type = TICK;
        timeNanos = time;
        instrumentId = instrument;
        bid = bidPrice;
        ask = askPrice;
        last = lastTradePrice;
        return this;
    }

    /** Sets this slot to an execution report for one of the engine's child orders. */
    public InboundEvent execution(final long time, final long clOrdId, final long execId, final int kind,
        final long fillQuantity, final long fillPrice, final long leaves) {
        type = EXECUTION;
        timeNanos = time;
        clientOrderId = clOrdId;
        executionId = execId;
        execType = kind;
        lastQuantity = fillQuantity;
        lastPrice = fillPrice;
        leavesQuantity = leaves;
        orderStatus = 0;
        cumulativeQuantity = 0;
        averagePrice = 0;
        sourceSequence = 0;
        return this;
    }

    /** Sets this slot to the venue's answer to an order status request ({@link ExecType#ORDER_STATUS}). */
    public InboundEvent orderStatus(final long time, final long clOrdId, final long execId, final int status,
        final long cumulative, final long average, final long leaves) {
        execution(time, clOrdId, execId, ExecType.ORDER_STATUS, 0, 0, leaves);
        orderStatus = status;
        cumulativeQuantity = cumulative;
        averagePrice = average;
        return this;
    }

    /**
     * Sets the status fields of an execution as a journal recorded them, whatever its exec type (replay sets a slot
     * exactly as the ring carried it, even a malformed one).
     */
    public InboundEvent restoreStatus(final int status, final long cumulative, final long average) {
        orderStatus = status;
        cumulativeQuantity = cumulative;
        averagePrice = average;
        return this;
    }

    /** Sets this slot to an event of a type the engine does not know: replay of a journal that recorded one. */
    public InboundEvent unknown(final long time, final int unknownType) {
        type = unknownType;
        timeNanos = time;
        return this;
    }

    /** Sets where the execution report in this slot came from (its FIX MsgSeqNum); call after setting it. */
    public InboundEvent sourceSequence(final long sequence) {
        sourceSequence = sequence;
        return this;
    }

    /** Sets this slot to a timer: time passes even when the market is quiet. */
    public InboundEvent timer(final long time) {
        type = TIMER;
        timeNanos = time;
        return this;
    }

    /** Sets this slot to an operator or system command. */
    public InboundEvent command(final long time, final int code, final int targetId, final long arg) {
        type = COMMAND;
        timeNanos = time;
        command = code;
        target = targetId;
        argument = arg;
        return this;
    }
}
