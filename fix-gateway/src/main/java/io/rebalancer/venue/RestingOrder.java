package io.rebalancer.venue;

import quickfix.SessionID;
import quickfix.field.OrdStatus;

/**
 * One order on the simulator's book with its lifecycle state; created on QuickFIX/J's thread, owned by the
 * venue agent's thread once handed over. A replace changes the current ClOrdID, quantity and limit in place.
 */
final class RestingOrder {
    /** Not computed yet: the first quote time after the order arrived fixes its close. */
    static final long CLOSE_UNKNOWN = Long.MIN_VALUE;

    final SessionID session;
    final String orderId;
    final VenueOrder order;
    final int instrument;
    /** A DAY order (TimeInForce absent or 0) expires at the venue's close; others never do. */
    final boolean day;
    String clOrdId;
    long quantity;
    long limitPrice;
    String priceText;
    long leaves;
    long cumQuantity;
    long notional;
    boolean split;
    boolean acked;
    char status = OrdStatus.NEW;
    long ackDueNanos;
    long fillNotBeforeNanos;
    long restDeadlineNanos = Long.MAX_VALUE;
    long closeAtQuoteNanos = CLOSE_UNKNOWN;

    RestingOrder(final SessionID session, final String orderId, final VenueOrder order, final int instrument,
        final boolean day) {
        this.session = session;
        this.orderId = orderId;
        this.order = order;
        this.instrument = instrument;
        this.day = day;
        clOrdId = order.clOrdId();
        quantity = order.quantity();
        limitPrice = order.limitPrice();
        priceText = order.priceText();
        leaves = order.quantity();
    }

    boolean isBuy() {
        return order.side() == quickfix.field.Side.BUY;
    }

    /** Filled, cancelled, expired or rejected: no more fills, cancels or replaces. */
    boolean isDone() {
        return status == OrdStatus.FILLED || status == OrdStatus.CANCELED || status == OrdStatus.EXPIRED
            || status == OrdStatus.REJECTED;
    }

    /** The status of a live order after a change of quantity: partially filled once anything filled. */
    char liveStatus() {
        return cumQuantity > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
    }
}
