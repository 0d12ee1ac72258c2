package io.rebalancer.engine.core;

/**
 * Where child orders and requests about them leave the engine: the gateway's hand-off queue in the daemon, a
 * recorder in tests. Called on the engine thread with primitives only; an implementation must not block or
 * allocate. The engine never has more working orders than its configured order capacity, nor more than one
 * cancel or replace request out per order, so a hand-off queue sized for twice that capacity is never full.
 */
public interface OrderSink {
    /**
     * A new child order, already accepted by the pre-trade risk gate and booked as working.
     *
     * @param clientOrderId deterministic, unique, increasing id (FIX ClOrdID)
     * @param side          {@code Side.BUY} or {@code Side.SELL}
     * @param quantity      units, a multiple of the lot size unless it closes an odd lot
     * @param limitPrice    micros, on the instrument's tick
     */
    void onNewOrder(long timeNanos, long clientOrderId, int portfolioId, int instrumentId, byte side, long quantity,
        long limitPrice);

    /**
     * Cancel what is left of a working order (FIX OrderCancelRequest).
     *
     * @param requestId             a fresh id from the same sequence as order ids (FIX ClOrdID of the request)
     * @param originalClientOrderId the order's current id: its own, or that of its last accepted replace
     * @param orderQuantity         the order's total quantity as the venue knows it (FIX OrderQty)
     */
    void onCancelOrder(long timeNanos, long requestId, long originalClientOrderId, int portfolioId, int instrumentId,
        byte side, long orderQuantity);

    /**
     * Change a working order's quantity and limit price (FIX OrderCancelReplaceRequest); it keeps its side,
     * instrument and queue of fills.
     *
     * @param requestId             a fresh id; the order is known by it once the venue accepts the replace
     * @param originalClientOrderId the order's current id
     * @param orderQuantity         the new total quantity, including what already filled (FIX OrderQty)
     * @param limitPrice            the new limit in micros
     */
    void onReplaceOrder(long timeNanos, long requestId, long originalClientOrderId, int portfolioId,
        int instrumentId, byte side, long orderQuantity, long limitPrice);

    /**
     * Ask the venue what it knows of an order (FIX OrderStatusRequest), after a restart: the answer comes back as an
     * {@code ExecType.ORDER_STATUS} report. It takes no new id.
     *
     * @param clientOrderId the order's current id: its own, or that of its last replace the venue may have accepted
     * @param orderQuantity the order's total quantity as the engine knows it
     */
    void onStatusRequest(long timeNanos, long clientOrderId, int portfolioId, int instrumentId, byte side,
        long orderQuantity);
}
