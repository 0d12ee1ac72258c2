package io.rebalancer.daemon;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.state.PriceBoard;
import io.rebalancer.engine.trigger.TriggerReason;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine-thread half of the console output: encodes each callback as one fixed-size record of primitives
 * into a ring drained by {@link ConsolePrinter} on its own thread. It never blocks, allocates or builds text:
 * when the ring is full (the printer fell behind), the record is dropped and counted. Ids stay ids; the printer
 * resolves names. A status report also records the engine's own mark prices, read from its price board on the
 * engine thread, so the printed prices are those the drift was judged at.
 * <p>
 * Beside the ring, it counts (exactly, not lossy) orders sent, fills, cancel and replace requests, and every
 * order state the engine reports, and copies those counts into the ring with each status report, so the printed
 * status shows them as of its own moment.
 */
final class ConsoleReporter implements EngineListener {
    static final int INPUT_REJECTED = 1;
    static final int REBALANCE = 2;
    static final int ORDER_SENT = 3;
    static final int ORDER_REJECTED = 4;
    static final int PLANNED = 5;
    static final int FILL = 6;
    static final int CLOSED = 7;
    static final int STATUS = 8;
    static final int FAULT = 9;
    static final int PRICE = 10;
    static final int CANCEL_REQUESTED = 11;
    static final int REPLACE_REQUESTED = 12;
    /**
     * The counts as of a status report, before its first portfolio: a record of its own layout, the header then
     * one long per count ({@link #SENT} to {@link #REPLACES}, then one per {@link OrderState} at {@link #reached}).
     */
    static final int COUNTS_RECORD = 13;
    static final int COUNTS_AT = 16;

    /** The counts of a {@link #COUNTS_RECORD}: orders sent, fills, cancels requested, replaces requested. */
    static final int SENT = 0;
    static final int FILLS = 1;
    static final int CANCELS = 2;
    static final int REPLACES = 3;
    private static final int COUNTS = 4;
    private static final OrderState[] STATES = OrderState.values();
    /** Counts in a {@link #COUNTS_RECORD}. */
    static final int ALL_COUNTS = COUNTS + STATES.length;

    static final int SEQUENCE = 0;
    static final int TIME = 8;
    static final int A = 16;
    static final int B = 24;
    static final int C = 32;
    static final int D = 40;
    static final int E = 48;
    static final int PORTFOLIO = 56;
    static final int INSTRUMENT = 60;
    static final int CODE = 64;
    static final int EXTRA = 68;
    static final int LENGTH = 72;

    private static final int DEFAULT_CAPACITY = 1 << 20;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final int portfolios;
    private final int instruments;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLongArray counts = new AtomicLongArray(ALL_COUNTS);
    private final AtomicReference<Throwable> lastFault = new AtomicReference<>();
    private PriceBoard prices;

    ConsoleReporter(final int portfolios, final int instruments) {
        this(portfolios, instruments, DEFAULT_CAPACITY);
    }

    /** @param capacity ring bytes, a power of two; 1 MiB holds about 13,000 records */
    ConsoleReporter(final int portfolios, final int instruments, final int capacity) {
        ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
        buffer = ring.buffer();
        this.portfolios = portfolios;
        this.instruments = instruments;
    }

    /** Gives the reporter the engine's price board; call before the engine thread starts. */
    void prices(final PriceBoard board) {
        prices = board;
    }

    OneToOneRingBuffer ring() {
        return ring;
    }

    /** Records lost because the printer fell behind; any thread. */
    long dropped() {
        return dropped.get();
    }

    /** The latest engine fault, for the printer. */
    Throwable lastFault() {
        return lastFault.get();
    }

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
        final int at = claim(INPUT_REJECTED, inputSequence, timeNanos);
        if (at >= 0) {
            buffer.putInt(at + CODE, reason.ordinal());
            buffer.putLong(at + A, subject);
            ring.commit(at);
        }
    }

    @Override
    public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
        final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
        final int at = claim(REBALANCE, inputSequence, timeNanos);
        if (at >= 0) {
            buffer.putInt(at + PORTFOLIO, portfolioId);
            buffer.putInt(at + CODE, reason.ordinal());
            buffer.putDouble(at + D, driftRatio);
            buffer.putDouble(at + E, portfolioDrift);
            ring.commit(at);
        }
    }

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        increment(SENT);
        final int at = claim(ORDER_SENT, inputSequence, timeNanos);
        if (at >= 0) {
            order(at, portfolioId, instrumentId, side, quantity, limitPrice);
            buffer.putLong(at + A, clientOrderId);
            ring.commit(at);
        }
    }

    @Override
    public void onOrderRejected(final long inputSequence, final long timeNanos, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice,
        final RiskVerdict verdict) {
        final int at = claim(ORDER_REJECTED, inputSequence, timeNanos);
        if (at >= 0) {
            order(at, portfolioId, instrumentId, side, quantity, limitPrice);
            buffer.putInt(at + EXTRA, verdict.ordinal());
            ring.commit(at);
        }
    }

    @Override
    public void onRebalancePlanned(final long inputSequence, final long timeNanos, final int portfolioId,
        final int ordersSent, final int ordersRejected) {
        final int at = claim(PLANNED, inputSequence, timeNanos);
        if (at >= 0) {
            buffer.putInt(at + PORTFOLIO, portfolioId);
            buffer.putInt(at + CODE, ordersSent);
            buffer.putInt(at + EXTRA, ordersRejected);
            ring.commit(at);
        }
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long price, final long leavesQuantity) {
        increment(FILLS);
        final int at = claim(FILL, inputSequence, timeNanos);
        if (at >= 0) {
            order(at, portfolioId, instrumentId, side, quantity, price);
            buffer.putLong(at + A, clientOrderId);
            buffer.putLong(at + D, leavesQuantity);
            ring.commit(at);
        }
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        final int at = claim(CLOSED, inputSequence, timeNanos);
        if (at >= 0) {
            buffer.putInt(at + PORTFOLIO, portfolioId);
            buffer.putInt(at + CODE, execType);
            buffer.putLong(at + A, clientOrderId);
            buffer.putLong(at + B, released);
            ring.commit(at);
        }
    }

    @Override
    public void onOrderState(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final OrderState state, final long cumulativeQuantity, final long averagePrice,
        final long leavesQuantity) {
        // Counted only: fills, requests and closes already print a line each.
        increment(reached(state));
    }

    @Override
    public void onCancelRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final CancelReason reason) {
        increment(CANCELS);
        final int at = claim(CANCEL_REQUESTED, inputSequence, timeNanos);
        if (at >= 0) {
            buffer.putInt(at + PORTFOLIO, portfolioId);
            buffer.putInt(at + CODE, reason.ordinal());
            buffer.putLong(at + A, requestId);
            buffer.putLong(at + D, clientOrderId);
            ring.commit(at);
        }
    }

    @Override
    public void onReplaceRequested(final long inputSequence, final long timeNanos, final long requestId,
        final long clientOrderId, final int portfolioId, final long quantity, final long limitPrice) {
        increment(REPLACES);
        final int at = claim(REPLACE_REQUESTED, inputSequence, timeNanos);
        if (at >= 0) {
            buffer.putInt(at + PORTFOLIO, portfolioId);
            buffer.putLong(at + A, requestId);
            buffer.putLong(at + B, quantity);
            buffer.putLong(at + C, limitPrice);
            buffer.putLong(at + D, clientOrderId);
            ring.commit(at);
        }
    }

    @Override
    public void onPortfolioStatus(final long inputSequence, final long timeNanos, final int portfolioId,
        final DriftStatus status, final long totalValue, final long settledCash, final double driftRatio,
        final double portfolioDrift, final int openOrders) {
        if (portfolioId == 0) {
            final int c = claim(COUNTS_RECORD, COUNTS_AT + ALL_COUNTS * Long.BYTES, inputSequence, timeNanos);
            if (c >= 0) {
                for (int i = 0; i < ALL_COUNTS; i++) {
                    buffer.putLong(c + COUNTS_AT + i * Long.BYTES, counts.get(i));
                }
                ring.commit(c);
            }
        }
        final int at = claim(STATUS, inputSequence, timeNanos);
        if (at >= 0) {
            buffer.putInt(at + PORTFOLIO, portfolioId);
            buffer.putInt(at + CODE, status.ordinal());
            buffer.putLong(at + A, totalValue);
            buffer.putLong(at + B, settledCash);
            buffer.putDouble(at + D, driftRatio);
            buffer.putDouble(at + E, portfolioDrift);
            buffer.putInt(at + EXTRA, openOrders);
            ring.commit(at);
        }
        if (portfolioId == portfolios - 1 && prices != null) {
            for (int instrument = 0; instrument < instruments; instrument++) {
                final int p = claim(PRICE, inputSequence, timeNanos);
                if (p >= 0) {
                    buffer.putInt(p + INSTRUMENT, instrument);
                    buffer.putLong(p + A, prices.hasPrice(instrument) ? prices.mark(instrument) : 0);
                    ring.commit(p);
                }
            }
        }
    }

    @Override
    public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
        lastFault.lazySet(fault);
        final int at = claim(FAULT, inputSequence, timeNanos);
        if (at >= 0) {
            ring.commit(at);
        }
    }

    private void order(final int at, final int portfolioId, final int instrumentId, final byte side,
        final long quantity, final long price) {
        buffer.putInt(at + PORTFOLIO, portfolioId);
        buffer.putInt(at + INSTRUMENT, instrumentId);
        buffer.putInt(at + CODE, side);
        buffer.putLong(at + B, quantity);
        buffer.putLong(at + C, price);
    }

    /** The count, in a {@link #COUNTS_RECORD}, of orders that reached {@code state}. */
    static int reached(final OrderState state) {
        return COUNTS + state.ordinal();
    }

    private void increment(final int count) {
        counts.lazySet(count, counts.get(count) + 1);
    }

    /** Claims a record and writes its header fields, or counts a drop and returns -1. */
    private int claim(final int type, final long inputSequence, final long timeNanos) {
        return claim(type, LENGTH, inputSequence, timeNanos);
    }

    private int claim(final int type, final int length, final long inputSequence, final long timeNanos) {
        final int at = ring.tryClaim(type, length);
        if (at < 0) {
            dropped.lazySet(dropped.get() + 1);
            return -1;
        }
        buffer.putLong(at + SEQUENCE, inputSequence);
        buffer.putLong(at + TIME, timeNanos);
        return at;
    }
}
