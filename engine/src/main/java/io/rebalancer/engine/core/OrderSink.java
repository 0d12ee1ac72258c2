package io.rebalancer.engine.core;

/**
 * Where child orders leave the engine: the gateway's hand-off queue in the daemon, a recorder in tests.
 * Called on the engine thread with primitives only; an implementation must not block or allocate.
 * The engine never has more working orders than its configured order capacity, so a hand-off queue
 * sized to that capacity can never be full.
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
}
