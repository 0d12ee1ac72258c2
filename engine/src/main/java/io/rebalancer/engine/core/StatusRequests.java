package io.rebalancer.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;

/**
 * Reconciliation with the venue after a restart: one order status request for every order the engine holds as
 * working, and no new rebalance until every one is answered or the request timeout passes. The answers
 * ({@code ExecType.ORDER_STATUS}) are booked by {@link ExecutionBook}: fills the engine missed, orders that
 * finished while it was down, orders that never reached the venue.
 * <p>
 * A restarted engine does not know which of its last orders reached the venue before the crash (it journals an
 * order before handing it on, so an order it holds may never have left). It never sends one again: the status
 * answer says whether the venue has it.
 */
final class StatusRequests {
    private final OrderTable orders;
    private final int portfolios;
    private final OrderSink sink;
    private final EngineCounters counters;
    private final long timeoutNanos;
    /** Per order row: a status request is out for it. */
    private final boolean[] asked;
    private int outstanding;
    private long deadline = Long.MAX_VALUE;

    /** @param rows the order table's rows (two per order of capacity) */
    StatusRequests(final OrderTable orders, final int rows, final int portfolios, final OrderSink sink,
        final EngineCounters counters, final long timeoutNanos) {
        this.orders = orders;
        this.portfolios = portfolios;
        this.sink = sink;
        this.counters = counters;
        this.timeoutNanos = timeoutNanos;
        asked = new boolean[rows];
    }

    /** Asks the venue about every working order not asked about already. */
    void askAll(final long now) {
        for (int p = 0; p < portfolios; p++) {
            for (int index = orders.firstOfPortfolio(p); index >= 0; index = orders.nextOfPortfolio(index)) {
                if (asked[index]) {
                    continue;
                }
                asked[index] = true;
                outstanding++;
                counters.increment(EngineCounters.STATUS_REQUESTS_SENT);
                sink.onStatusRequest(now, orders.currentId(index), p, orders.instrumentId(index), orders.side(index),
                    orders.orderQuantity(index));
            }
        }
        if (outstanding > 0) {
            deadline = Math.min(deadline, now + timeoutNanos);
        }
    }

    /** The venue answered about the order in this row (asked or not). */
    void answered(final int index) {
        if (asked[index]) {
            asked[index] = false;
            if (--outstanding == 0) {
                deadline = Long.MAX_VALUE;
            }
        }
    }

    /**
     * Gives up on the answers still missing once the request timeout passed: those orders stay as the engine holds
     * them, and trading resumes.
     *
     * @return true when it gave up just now
     */
    boolean expire(final long now) {
        if (now < deadline) {
            return false;
        }
        for (int index = 0; index < asked.length; index++) {
            if (asked[index]) {
                asked[index] = false;
                counters.increment(EngineCounters.STATUS_UNANSWERED);
            }
        }
        outstanding = 0;
        deadline = Long.MAX_VALUE;
        return true;
    }

    /** Whether answers are still awaited: no rebalance is planned meanwhile. */
    boolean reconciling() {
        return outstanding > 0;
    }

    int outstanding() {
        return outstanding;
    }

    /** Bytes {@link #writeTo} writes. */
    int snapshotBytes() {
        return asked.length + ints(1) + longs(1);
    }

    /** Writes which orders await a status answer, for an engine snapshot; a field added here is read back too. */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putBooleans(buffer, offset, asked);
        at = putInt(buffer, at, outstanding);
        return putLong(buffer, at, deadline);
    }

    /** @return the offset just past what was read */
    int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getBooleans(buffer, offset, asked);
        outstanding = getInt(buffer, at);
        at += Integer.BYTES;
        deadline = getLong(buffer, at);
        return at + Long.BYTES;
    }
}
