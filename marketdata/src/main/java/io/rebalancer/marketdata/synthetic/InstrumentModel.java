package io.rebalancer.marketdata.synthetic;

/**
 * How one instrument moves in the synthetic market. Annual figures apply to simulated calendar time: the
 * synthetic market never closes, so a year is 365.25 days of ticks.
 *
 * @param instrumentId      the engine's dense instrument id the ticks are published under
 * @param startPrice        the first mid, in micros
 * @param tickSize          the price increment in micros; every published price is a multiple of it
 * @param annualDrift       expected annual return (the GBM's mu), e.g. 0.07
 * @param annualVolatility  annual standard deviation of log returns (the GBM's sigma), e.g. 0.18
 * @param halfSpreadBps     distance of bid and ask from the mid, in basis points of the mid (0 to 1000)
 */
public record InstrumentModel(int instrumentId, long startPrice, long tickSize, double annualDrift,
                              double annualVolatility, double halfSpreadBps) {
    /** Largest half-spread accepted: 10% of the mid, which keeps the bid positive. */
    public static final double MAX_HALF_SPREAD_BPS = 1000;

    public InstrumentModel {
        if (instrumentId < 0 || startPrice <= 0 || tickSize <= 0 || !Double.isFinite(annualDrift)
            || !(annualVolatility >= 0 && annualVolatility < 10) || !(halfSpreadBps >= 0
            && halfSpreadBps <= MAX_HALF_SPREAD_BPS)) {
            throw new IllegalArgumentException("invalid instrument model: id=" + instrumentId + " start="
                + startPrice + " tick=" + tickSize + " drift=" + annualDrift + " vol=" + annualVolatility
                + " halfSpreadBps=" + halfSpreadBps);
        }
    }
}
