package io.rebalancer.venue;

import quickfix.SessionID;

/** What QuickFIX/J's thread hands to the venue agent: a new order, a cancel or a cancel/replace, in arrival order. */
sealed interface VenueRequest {
    /** A NewOrderSingle (35=D). */
    record NewOrder(RestingOrder order) implements VenueRequest {
    }

    /** An OrderCancelRequest (35=F). */
    record Cancel(SessionID session, String clOrdId, String origClOrdId) implements VenueRequest {
    }

    /**
     * An OrderCancelReplaceRequest (35=G).
     *
     * @param quantity   the new total OrderQty, or {@link io.rebalancer.fix.FixDecimal#INVALID_QUANTITY}
     * @param limitPrice the new Price in micros, or {@link io.rebalancer.engine.domain.Fixed#INVALID}
     * @param priceText  the new Price as it came over the wire
     */
    record Replace(SessionID session, String clOrdId, String origClOrdId, long quantity, long limitPrice,
                   String priceText) implements VenueRequest {
    }
}
