package io.rebalancer.marketdata.synthetic;

/**
 * One instrument line of a market model file. A null field was not given: it keeps the caller's default for the
 * symbol, so a line can change one figure of a built-in entry and leave the rest.
 *
 * @param line the 1-based line number, for messages
 */
record InstrumentLine(int line, String symbol, Long startPrice, Double annualDrift, Double annualVolatility,
                      Double halfSpreadBps, String assetClass) {
    /** {@code base} with this line's fields in place of its own. */
    InstrumentParameters over(final InstrumentParameters base) {
        return new InstrumentParameters(
            startPrice != null ? startPrice : base.startPrice(),
            annualDrift != null ? annualDrift : base.annualDrift(),
            annualVolatility != null ? annualVolatility : base.annualVolatility(),
            halfSpreadBps != null ? halfSpreadBps : base.halfSpreadBps(),
            assetClass != null ? assetClass : base.assetClass());
    }
}
