package io.rebalancer.engine.core;

import io.rebalancer.engine.state.Portfolio;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;

/**
 * Sends cancel and cancel/replace requests for working orders, at most one out per order at a time (as FIX
 * expects): a cancel wanted while a replace is out is remembered and sent when the venue answers the replace.
 * A request changes nothing in the books until the venue answers it (see {@link ExecutionBook}): a working order
 * counts in drift on its accepted terms until then, and its portfolio is not planned while the request is out.
 * Also finds orders older than the maximum order age. Cancels never pass the risk gate: taking risk off is always
 * allowed, even when trading is halted.
 */
final class OrderRequests {
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();

    private final OrderTable orders;
    private final Portfolio[] portfolios;
    private final OrderSink sink;
    private final EngineListener listener;
    private final EngineCounters counters;
    private final ClientOrderIds ids;
    private final long maxOrderAgeNanos;
    private final long requestTimeoutNanos;
    private final int[] requestsOut;
    private int totalOut;
    private long nextAgeCheck = Long.MAX_VALUE;
    private long nextTimeoutCheck = Long.MAX_VALUE;

    OrderRequests(final OrderTable orders, final Portfolio[] portfolios, final OrderSink sink,
        final EngineListener listener, final EngineCounters counters, final ClientOrderIds ids,
        final long maxOrderAgeNanos, final long requestTimeoutNanos) {
        this.orders = orders;
        this.portfolios = portfolios;
        this.sink = sink;
        this.listener = listener;
        this.counters = counters;
        this.ids = ids;
        this.maxOrderAgeNanos = maxOrderAgeNanos;
        this.requestTimeoutNanos = requestTimeoutNanos;
        requestsOut = new int[portfolios.length];
    }

    /** Cancel and replace requests out, all portfolios. */
    int totalOut() {
        return totalOut;
    }

    /** Requests out for a portfolio's orders: while any is, the portfolio is not planned. */
    int requestsOut(final int portfolio) {
        return requestsOut[portfolio];
    }

    /**
     * Asks the venue to cancel what is left of a working order; if a request is already out for it, a cancel is
     * sent once the venue answers that one (unless that one was a cancel).
     */
    void cancel(final long sequence, final long now, final int index, final CancelReason reason) {
        if (orders.isFinished(index)) {
            return;
        }
        final byte out = orders.requestKind(index);
        if (out == OrderTable.CANCEL_REQUEST) {
            return;
        }
        if (out == OrderTable.REPLACE_REQUEST) {
            orders.cancelAfterRequest(index, reason);
            return;
        }
        orders.makeRoom(index, 1);
        if (!orders.hasRoomForCancel(index)) {
            // Impossible while the order's own, current and out ids leave a slot: counted, never a crash.
            counters.increment(EngineCounters.CANCELS_GIVEN_UP);
            return;
        }
        final long requestId = ids.next();
        orders.addId(index, requestId);
        orders.cancelReason(index, reason);
        opened(index, OrderTable.CANCEL_REQUEST, requestId, 0, 0, now);
        counters.increment(EngineCounters.CANCELS_SENT);
        final int portfolioId = orders.portfolioId(index);
        sink.onCancelOrder(now, requestId, orders.currentId(index), portfolioId, orders.instrumentId(index),
            orders.side(index), orders.orderQuantity(index));
        listener.onCancelRequested(sequence, now, requestId, orders.clientOrderId(index), portfolioId, reason);
        state(sequence, now, index);
    }

    /**
     * Asks the venue to change a working order with no request out to {@code leaves} more units at {@code limit}.
     *
     * @return false when the order cannot take another id (the caller cancels it instead)
     */
    boolean replace(final long sequence, final long now, final int index, final long leaves, final long limit) {
        if (orders.requestKind(index) != OrderTable.NO_REQUEST || orders.isFinished(index)) {
            return false;
        }
        orders.makeRoom(index, 2);
        if (!orders.hasRoomForReplace(index)) {
            return false;
        }
        final long requestId = ids.next();
        final long total = orders.cumulativeQuantity(index) + leaves;
        orders.addId(index, requestId);
        opened(index, OrderTable.REPLACE_REQUEST, requestId, total, limit, now);
        counters.increment(EngineCounters.REPLACES_SENT);
        final int portfolioId = orders.portfolioId(index);
        sink.onReplaceOrder(now, requestId, orders.currentId(index), portfolioId, orders.instrumentId(index),
            orders.side(index), total, limit);
        listener.onReplaceRequested(sequence, now, requestId, orders.clientOrderId(index), portfolioId, total, limit);
        state(sequence, now, index);
        return true;
    }

    private void opened(final int index, final byte kind, final long requestId, final long quantity,
        final long limit, final long now) {
        orders.request(index, kind, requestId, quantity, limit, now);
        requestsOut[orders.portfolioId(index)]++;
        totalOut++;
        nextTimeoutCheck = Math.min(nextTimeoutCheck, deadline(now, requestTimeoutNanos));
    }

    private static long deadline(final long since, final long span) {
        return since > Long.MAX_VALUE - span ? Long.MAX_VALUE : since + span;
    }

    /**
     * The venue answered the order's request, or the order finished with one out: clears it, and sends the cancel
     * that was waiting for it, if any and if the order still works.
     */
    void answered(final long sequence, final long now, final int index) {
        if (orders.requestKind(index) == OrderTable.NO_REQUEST) {
            return;
        }
        final int waiting = orders.cancelAfterRequest(index);
        requestsOut[orders.portfolioId(index)]--;
        totalOut--;
        orders.clearRequest(index);
        if (waiting >= 0 && !orders.isFinished(index)) {
            cancel(sequence, now, index, CANCEL_REASONS[waiting]);
        } else if (!orders.isFinished(index)) {
            nextAgeCheck = Math.min(nextAgeCheck, orders.ageDeadline(index));
        }
    }

    /**
     * The venue refused the order's request (OrderCancelReject): the answer is final, so its id is forgotten and
     * its slot freed. A refused cancel for age is tried again after the request timeout, not at once.
     */
    void refused(final long sequence, final long now, final int index) {
        final long requestId = orders.requestId(index);
        final boolean wasCancel = orders.requestKind(index) == OrderTable.CANCEL_REQUEST;
        orders.removeId(index, requestId);
        if (wasCancel && orders.ageDeadline(index) <= now) {
            orders.ageDeadline(index, deadline(now, requestTimeoutNanos));
        }
        answered(sequence, now, index);
    }

    /** The order (re)starts working on its terms at {@code now}: it is cancelled if still working at max age. */
    void startAge(final int index, final long now) {
        if (maxOrderAgeNanos > 0) {
            final long deadline = deadline(now, maxOrderAgeNanos);
            orders.ageDeadline(index, deadline);
            nextAgeCheck = Math.min(nextAgeCheck, deadline);
        }
    }

    /** Cancels every working order of one portfolio, or of all with {@code target} -1. */
    void cancelAll(final long sequence, final long now, final int target, final CancelReason reason) {
        for (int p = target < 0 ? 0 : target, last = target < 0 ? portfolios.length - 1 : target; p <= last; p++) {
            for (int index = orders.firstOfPortfolio(p); index >= 0; index = orders.nextOfPortfolio(index)) {
                cancel(sequence, now, index, reason);
            }
        }
    }

    /** Reports the order's state as it now stands, with a request out shown as pending. */
    void state(final long sequence, final long now, final int index) {
        final byte out = orders.requestKind(index);
        final OrderState shown = out == OrderTable.CANCEL_REQUEST ? OrderState.PENDING_CANCEL
            : out == OrderTable.REPLACE_REQUEST ? OrderState.PENDING_REPLACE : orders.state(index);
        final long cumulative = orders.cumulativeQuantity(index);
        listener.onOrderState(sequence, now, orders.clientOrderId(index), orders.portfolioId(index), shown,
            cumulative, cumulative == 0 ? 0 : orders.filledNotional(index) / cumulative, orders.leaves(index));
    }

    /**
     * Cancels every working order without a request out that has worked for the maximum order age or longer.
     * Walks the working orders only when the earliest deadline has passed, so the cost is paid once per expiry,
     * not per event.
     */
    void cancelExpired(final long sequence, final long now) {
        if (now < nextAgeCheck) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (int p = 0; p < portfolios.length; p++) {
            for (int index = orders.firstOfPortfolio(p); index >= 0; index = orders.nextOfPortfolio(index)) {
                if (orders.requestKind(index) != OrderTable.NO_REQUEST) {
                    continue;
                }
                final long deadline = orders.ageDeadline(index);
                if (deadline <= now) {
                    cancel(sequence, now, index, CancelReason.MAX_AGE);
                } else {
                    next = Math.min(next, deadline);
                }
            }
        }
        nextAgeCheck = next;
    }

    /**
     * Gives up the requests the venue has not answered within the request timeout: the order works on as the engine
     * last knew it and its portfolio may be planned again; a cancel is sent once more (with a new id, while the
     * order has ids left). Walks the working orders only when the earliest deadline has passed.
     *
     * @return true when a request was given up, so the caller judges the portfolios again
     */
    boolean giveUpUnanswered(final long sequence, final long now) {
        if (now < nextTimeoutCheck) {
            return false;
        }
        boolean gaveUp = false;
        long next = Long.MAX_VALUE;
        for (int p = 0; p < portfolios.length; p++) {
            for (int index = orders.firstOfPortfolio(p); index >= 0; index = orders.nextOfPortfolio(index)) {
                final byte kind = orders.requestKind(index);
                if (kind == OrderTable.NO_REQUEST) {
                    continue;
                }
                final long deadline = deadline(orders.requestSince(index), requestTimeoutNanos);
                if (deadline > now) {
                    next = Math.min(next, deadline);
                    continue;
                }
                gaveUp = true;
                counters.increment(EngineCounters.REQUEST_TIMEOUTS);
                if (kind == OrderTable.REPLACE_REQUEST) {
                    // The venue may still accept it: its terms are kept, so a late acceptance is booked.
                    orders.abandonReplace(index);
                } else {
                    orders.markStale(index, orders.requestId(index));
                }
                answered(sequence, now, index);
                if (kind == OrderTable.CANCEL_REQUEST) {
                    cancel(sequence, now, index, orders.cancelReason(index));
                } else {
                    state(sequence, now, index);
                }
                if (orders.requestKind(index) != OrderTable.NO_REQUEST) {
                    next = Math.min(next, deadline(now, requestTimeoutNanos));
                }
            }
        }
        nextTimeoutCheck = next;
        return gaveUp;
    }

    /** Bytes {@link #writeTo} writes. */
    int snapshotBytes() {
        return ints(requestsOut.length + 1) + longs(2);
    }

    /**
     * Writes the requests out per portfolio and when the next age and timeout walks are due, for an engine snapshot
     * (the requests themselves are rows of the order table). The due times are written rather than recomputed: a
     * walk that comes earlier or later than in the snapshotted engine could act at a different event. A field added
     * here is added to {@link #readFrom} too.
     *
     * @return the offset just past what was written
     */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putInts(buffer, offset, requestsOut);
        at = putInt(buffer, at, totalOut);
        at = putLong(buffer, at, nextAgeCheck);
        return putLong(buffer, at, nextTimeoutCheck);
    }

    /** @return the offset just past what was read */
    int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getInts(buffer, offset, requestsOut);
        totalOut = getInt(buffer, at);
        at += Integer.BYTES;
        nextAgeCheck = getLong(buffer, at);
        at += Long.BYTES;
        nextTimeoutCheck = getLong(buffer, at);
        return at + Long.BYTES;
    }
}
