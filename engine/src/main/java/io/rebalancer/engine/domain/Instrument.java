package io.rebalancer.engine.domain;

/**
 * A tradable instrument. {@code id} is dense (0..n-1) so state can live in arrays indexed by it.
 *
 * @param id         dense id, the index into every per-instrument array
 * @param symbol     the symbol used in configuration and on the wire
 * @param tickSize   the price increment in micros; limit prices are rounded to it
 * @param lotSize    the quantity increment in units; order quantities are multiples of it
 * @param maxPrice   prices above this, in micros, are absurd and rejected
 */
public record Instrument(int id, String symbol, long tickSize, long lotSize, long maxPrice) {
    public Instrument {
        if (id < 0 || tickSize <= 0 || lotSize <= 0 || maxPrice <= 0 || symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("invalid instrument " + symbol + " id=" + id);
        }
    }
}
