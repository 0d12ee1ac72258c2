package io.rebalancer.marketdata.synthetic;

import io.rebalancer.engine.domain.Fixed;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The values of a market model file, each parsed to what the model holds or refused with a message saying how to
 * write it. Decimals go through {@link BigDecimal}, whose conversion to {@code double} is correctly rounded, so
 * {@code 7%} is exactly the {@code double} a Java literal {@code 0.07} is.
 */
final class ModelValues {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final BigDecimal MAX_DRIFT = BigDecimal.TEN;
    private static final BigDecimal MAX_VOLATILITY = BigDecimal.valueOf(InstrumentParameters.MAX_VOLATILITY);
    private static final BigDecimal MAX_HALF_SPREAD = BigDecimal.valueOf(InstrumentModel.MAX_HALF_SPREAD_BPS);
    private static final String BASIS_POINTS = "bp";

    private final Path file;
    private final int line;

    ModelValues(final Path file, final int line) {
        this.file = file;
        this.line = line;
    }

    /** A price above 0 in currency units, to micros exactly. */
    long startPrice(final String text) {
        final long micros = DECIMAL.matcher(text).matches() ? Fixed.parse(text) : Fixed.INVALID;
        if (micros == Fixed.INVALID) {
            throw error("start=" + text + " is not a price; write it in currency units with at most "
                + Fixed.DECIMALS + " decimals, e.g. start=478.00");
        }
        if (micros <= 0) {
            throw error("start=" + text + " is not above 0; write the first mid price, e.g. start=478.00");
        }
        return micros;
    }

    double drift(final String text) {
        final BigDecimal drift = fraction("drift", text);
        if (drift.abs().compareTo(MAX_DRIFT) > 0) {
            throw error("drift=" + text + " is outside -1000% .. 1000%; write an expected annual return such as 7%");
        }
        return drift.doubleValue();
    }

    double volatility(final String text) {
        final BigDecimal volatility = fraction("volatility", text);
        if (volatility.signum() < 0) {
            throw error("volatility=" + text + " is negative; write 0% or more (0% keeps the price on its drift)");
        }
        if (volatility.compareTo(MAX_VOLATILITY) >= 0) {
            throw error("volatility=" + text + " is too high; write less than 1000%, e.g. volatility=17%");
        }
        return volatility.doubleValue();
    }

    /** Basis points ({@code 0.5bp}) or a percent of the mid ({@code 0.005%}), to basis points. */
    double halfSpreadBps(final String text) {
        final String number;
        final boolean percent = text.endsWith("%");
        if (text.endsWith(BASIS_POINTS)) {
            number = text.substring(0, text.length() - BASIS_POINTS.length());
        } else if (percent) {
            number = text.substring(0, text.length() - 1);
        } else {
            throw error("half-spread=" + text + " has no unit; write basis points or a percent of the mid, e.g. "
                + "half-spread=0.5bp or half-spread=0.005%");
        }
        if (!DECIMAL.matcher(number).matches()) {
            throw error("half-spread=" + text + " is not a number; write e.g. half-spread=0.5bp");
        }
        final BigDecimal bps = percent ? new BigDecimal(number).movePointRight(2) : new BigDecimal(number);
        if (bps.signum() < 0) {
            throw error("half-spread=" + text + " is negative; write 0bp or more");
        }
        if (bps.compareTo(MAX_HALF_SPREAD) > 0) {
            throw error("half-spread=" + text + " is above 1000bp (10% of the mid, which keeps the bid above 0); "
                + "lower it");
        }
        return bps.doubleValue();
    }

    String assetClass(final String text) {
        if (!InstrumentParameters.CLASS_NAME.matcher(text).matches()) {
            throw error("class=" + text + " is not a class name; write lower case letters, digits and '-', "
                + "e.g. class=equity");
        }
        return text;
    }

    double correlation(final String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw error("'" + text + "' is not a correlation; write a number from -1 to 1, e.g. -0.20");
        }
        final BigDecimal value = new BigDecimal(text);
        if (value.abs().compareTo(BigDecimal.ONE) > 0) {
            throw error("correlation " + text + " is outside -1 .. 1; write a number from -1 to 1");
        }
        return value.doubleValue();
    }

    /**
     * A percent ({@code 7%}) or a plain fraction ({@code 0.07}). A plain number of 1 or more is refused: a user
     * who writes {@code drift=7} almost surely means 7%, not 700%.
     */
    private BigDecimal fraction(final String key, final String text) {
        final boolean percent = text.endsWith("%");
        final String number = percent ? text.substring(0, text.length() - 1) : text;
        if (!DECIMAL.matcher(number).matches()) {
            throw error(key + "=" + text + " is not a percentage; write it as 7% or as the fraction 0.07");
        }
        final BigDecimal value = new BigDecimal(number);
        if (percent) {
            return value.movePointLeft(2);
        }
        if (value.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw error(key + "=" + text + " reads as a fraction, " + value.movePointRight(2).stripTrailingZeros()
                .toPlainString() + "%; write " + key + "=" + text + "% if you mean " + text + " percent");
        }
        return value;
    }

    private IllegalArgumentException error(final String detail) {
        return MarketModelFile.error(file, line, detail);
    }
}
