package io.rebalancer.venue;

import quickfix.SessionID;

/**
 * What QuickFIX/J's thread hands to the venue agent, in arrival order: a new order, a cancel, a cancel/replace, a
 * status request, or a NewOrderSingle refused as a duplicate ClOrdID.
 */
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

    /**
     * An OrderStatusRequest (35=H).
     *
     * @param clOrdId        the ClOrdID it names
     * @param side           its Side, echoed when the order is unknown
     * @param symbol         its Symbol, echoed when the order is unknown
     * @param ordStatusReqId its OrdStatusReqID (4.4), echoed on the answer; null when absent
     */
    record Status(SessionID session, String clOrdId, char side, String symbol, String ordStatusReqId)
        implements VenueRequest {
    }

    /** A NewOrderSingle (not PossDup) whose ClOrdID the session already used: refused, never booked. */
    record Duplicate(SessionID session, VenueOrder order) implements VenueRequest {
    }
}
