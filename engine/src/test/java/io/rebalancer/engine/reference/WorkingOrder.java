package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.OrderState;

import java.math.BigInteger;

import java.util.ArrayList;
import java.util.List;

/**
 * A child order the reference has sent, working or finished (and still remembered), with every id it is known by
 * and the one cancel or replace request it may have out at the venue. Mutable: the reference is single-threaded
 * and keeps exactly one of these per order.
 */
final class WorkingOrder {
    /** What the reference has out at the venue for the order. */
    enum Request { NONE, CANCEL, REPLACE }

    private final long clientOrderId;
    private final int portfolio;
    private final int instrument;
    private final byte side;
    private final List<Long> ids = new ArrayList<>();
    private long currentId;
    private long quantity;
    private long leaves;
    private long limitPrice;
    private long cumulative;
    private boolean finished;
    private long released;
    private Request request = Request.NONE;
    private long requestId;
    private long requestQuantity;
    private long requestLimit;
    private long requestSince;
    private CancelReason cancelReason;
    private CancelReason cancelAfterRequest;
    /** Ids of cancels the venue never answered: the only ids forgotten early, to make room for the next cancel. */
    private final List<Long> staleIds = new ArrayList<>();
    private long abandonedId;
    private long abandonedQuantity;
    private long abandonedLimit;
    private long ageDeadline = Long.MAX_VALUE;
    private boolean cancelGivenUp;
    private boolean acknowledged;
    private BigInteger notional = BigInteger.ZERO;
    private OrderState finalState;

    WorkingOrder(final long clientOrderId, final int portfolio, final int instrument, final byte side,
        final long quantity, final long limitPrice) {
        this.clientOrderId = clientOrderId;
        this.portfolio = portfolio;
        this.instrument = instrument;
        this.side = side;
        this.quantity = quantity;
        this.leaves = quantity;
        this.limitPrice = limitPrice;
        this.currentId = clientOrderId;
        ids.add(clientOrderId);
    }

    long clientOrderId() {
        return clientOrderId;
    }

    int portfolio() {
        return portfolio;
    }

    int instrument() {
        return instrument;
    }

    byte side() {
        return side;
    }

    /** Its own id first, then the ids of the requests sent for it. */
    List<Long> ids() {
        return ids;
    }

    /** The id the venue knows it by: its own, or its last accepted replace's. */
    long currentId() {
        return currentId;
    }

    /** Total quantity on the accepted terms. */
    long quantity() {
        return quantity;
    }

    long leaves() {
        return leaves;
    }

    long limitPrice() {
        return limitPrice;
    }

    long cumulative() {
        return cumulative;
    }

    boolean finished() {
        return finished;
    }

    /** Units released unfilled at the close, less the late fills booked since. */
    long released() {
        return released;
    }

    Request request() {
        return request;
    }

    long requestId() {
        return requestId;
    }

    long requestQuantity() {
        return requestQuantity;
    }

    long requestLimit() {
        return requestLimit;
    }

    long requestSince() {
        return requestSince;
    }

    CancelReason cancelReason() {
        return cancelReason;
    }

    /** A cancel wanted while a replace was out, or null. */
    CancelReason cancelAfterRequest() {
        return cancelAfterRequest;
    }

    /** Notes that a cancel found no id left; true the first time. */
    boolean cancelGivenUp() {
        final boolean first = !cancelGivenUp;
        cancelGivenUp = true;
        return first;
    }

    List<Long> staleIds() {
        return staleIds;
    }

    void forgetId(final long id) {
        ids.remove(Long.valueOf(id));
        staleIds.remove(Long.valueOf(id));
    }

    long abandonedId() {
        return abandonedId;
    }

    /** The replace out was given up: its terms are kept, for the venue may still accept it. */
    void abandonReplace() {
        abandonedId = requestId;
        abandonedQuantity = requestQuantity;
        abandonedLimit = requestLimit;
    }

    void clearAbandoned() {
        abandonedId = 0;
    }

    long ageDeadline() {
        return ageDeadline;
    }

    void ageDeadline(final long deadline) {
        ageDeadline = deadline;
    }

    /** The venue accepted the replace the engine had given up waiting for. */
    void replacedLate() {
        workOn(abandonedId, abandonedQuantity, abandonedLimit);
        abandonedId = 0;
    }

    void cancelAfterRequest(final CancelReason reason) {
        cancelAfterRequest = reason;
    }

    void filled(final long units, final long price, final long newLeaves) {
        cumulative += units;
        notional = notional.add(BigInteger.valueOf(units).multiply(BigInteger.valueOf(price)));
        leaves = newLeaves;
    }

    void lateFill(final long units, final long price, final long expected) {
        cumulative += units;
        notional = notional.add(BigInteger.valueOf(units).multiply(BigInteger.valueOf(price)));
        released -= expected;
    }

    /** The venue acknowledged the order (reported only while nothing has filled). */
    void acknowledge() {
        if (!acknowledged && cumulative == 0) {
        }
        acknowledged = true;
    }

    /**
     * The state the order's last state report should show: a request out as pending, else its final state, else
     * partly filled, acknowledged or not; with the units filled, their average price (rounded down) and the leaves.
     */
    ShownState shown() {
        final OrderState state;
        if (request == Request.CANCEL) {
            state = OrderState.PENDING_CANCEL;
        } else if (request == Request.REPLACE) {
            state = OrderState.PENDING_REPLACE;
        } else if (finished) {
            state = finalState;
        } else if (cumulative > 0) {
            state = OrderState.PARTIALLY_FILLED;
        } else {
            state = acknowledged ? OrderState.NEW : OrderState.PENDING_NEW;
        }
        final long average = cumulative == 0 ? 0
            : notional.divide(BigInteger.valueOf(cumulative)).longValueExact();
        return new ShownState(state, cumulative, average, leaves);
    }

    void finish(final long releasedUnits, final OrderState state) {
        finalState = state;
        finished = true;
        released = releasedUnits;
        leaves = 0;
        clearRequest();
    }

    void sent(final Request kind, final long id, final long total, final long limit, final long now,
        final CancelReason reason) {
        ids.add(id);
        request = kind;
        requestId = id;
        requestQuantity = total;
        requestLimit = limit;
        requestSince = now;
        if (reason != null) {
            cancelReason = reason;
        }
    }

    void clearRequest() {
        request = Request.NONE;
        requestId = 0;
        cancelAfterRequest = null;
    }

    /** The venue accepted the replace out: the order works on its terms, under its id, from now. */
    void replaced() {
        workOn(requestId, requestQuantity, requestLimit);
    }

    /** From now on the order works on these terms, known by this id: what an accepted replace does. */
    private void workOn(final long id, final long total, final long limit) {
        quantity = total;
        limitPrice = limit;
        leaves = Math.max(0, total - cumulative);
        currentId = id;
        acknowledged = true;
    }

    @Override
    public String toString() {
        return "order " + clientOrderId + " ids " + ids + " p" + portfolio + " i" + instrument + " side " + side
            + " qty " + quantity + " leaves " + leaves + " @ " + limitPrice + (finished ? " finished" : "")
            + " request " + request;
    }
}
