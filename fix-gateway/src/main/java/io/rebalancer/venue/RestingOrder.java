package io.rebalancer.venue;

import quickfix.SessionID;

/** One order on the simulator's book; owned by the venue agent's thread once handed over. */
final class RestingOrder {
    final SessionID session;
    final String orderId;
    final VenueOrder order;
    final int instrument;
    long leaves;
    long cumQuantity;
    long notional;
    boolean split;

    RestingOrder(final SessionID session, final String orderId, final VenueOrder order, final int instrument) {
        this.session = session;
        this.orderId = orderId;
        this.order = order;
        this.instrument = instrument;
        leaves = order.quantity();
    }

    boolean isBuy() {
        return order.side() == quickfix.field.Side.BUY;
    }
}
