package io.rebalancer.venue;

/**
 * A NewOrderSingle as the venue received it, for tests and diagnostics.
 *
 * @param clOrdId    the ClOrdID text as it came over the wire
 * @param side       FIX Side, '1' buy or '2' sell
 * @param symbol     the Symbol text
 * @param quantity   OrderQty in whole units
 * @param limitPrice Price in micros, parsed exactly from the wire text
 * @param priceText  Price as it came over the wire
 */
public record VenueOrder(String clOrdId, char side, String symbol, long quantity, long limitPrice,
                         String priceText) {
}
