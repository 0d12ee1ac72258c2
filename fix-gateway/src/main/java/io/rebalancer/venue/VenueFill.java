package io.rebalancer.venue;

/**
 * A fill as the venue executed it (each once, however many times its report was sent): the truth that the
 * daemon's books must equal after any number of duplicates, disconnects and resends.
 *
 * @param clOrdId  the order's first ClOrdID (its NewOrderSingle's), whatever ids replaces gave it since
 * @param symbol   the Symbol
 * @param side     FIX Side, '1' buy or '2' sell
 * @param quantity units filled
 * @param price    the fill price in micros
 */
public record VenueFill(String clOrdId, String symbol, char side, long quantity, long price) {
}
