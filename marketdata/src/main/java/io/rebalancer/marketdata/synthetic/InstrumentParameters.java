package io.rebalancer.marketdata.synthetic;

import java.util.regex.Pattern;

/**
 * How one symbol moves, before it is placed in a universe (which gives it an id and a tick size): what a line of
 * the market model file or an entry of a built-in catalogue says.
 *
 * @param startPrice        the first mid, in micros, before it is rounded down to the instrument's tick
 * @param annualDrift       expected annual return (the GBM's mu), e.g. 0.07
 * @param annualVolatility  annual standard deviation of log returns (the GBM's sigma), 0 to below 10
 * @param halfSpreadBps     distance of bid and ask from the mid, in basis points (0 to 1000)
 * @param assetClass        the class whose correlations the symbol takes: lower case letters, digits and '-'
 */
public record InstrumentParameters(long startPrice, double annualDrift, double annualVolatility,
                                   double halfSpreadBps, String assetClass) {
    /** What an asset class may be called; upper case is left to symbols, so the two never look alike. */
    static final Pattern CLASS_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /** Largest volatility {@link InstrumentModel} accepts (1000% a year), exclusive. */
    static final double MAX_VOLATILITY = 10;

    public InstrumentParameters {
        if (startPrice <= 0 || !Double.isFinite(annualDrift) || !(annualVolatility >= 0
            && annualVolatility < MAX_VOLATILITY) || !(halfSpreadBps >= 0
            && halfSpreadBps <= InstrumentModel.MAX_HALF_SPREAD_BPS) || assetClass == null
            || !CLASS_NAME.matcher(assetClass).matches()) {
            throw new IllegalArgumentException("invalid instrument parameters: start=" + startPrice + " drift="
                + annualDrift + " vol=" + annualVolatility + " halfSpreadBps=" + halfSpreadBps + " class="
                + assetClass);
        }
    }
}
