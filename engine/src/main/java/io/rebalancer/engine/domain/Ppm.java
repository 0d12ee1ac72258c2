package io.rebalancer.engine.domain;

/**
 * Weights, bands and fractions as {@code int} parts per million: 100% is {@link #ONE}, one basis point is 100.
 * Integer weights let a target be checked to sum to exactly 100% and let the planner size orders exactly.
 */
public final class Ppm {
    /** 100%. */
    public static final int ONE = 1_000_000;
    /** Parts per million in one percentage point. */
    public static final int PERCENT = 10_000;
    /** Parts per million in one basis point. */
    public static final int BASIS_POINT = 100;
    /** Marks text that is not a percentage with at most four decimals. */
    public static final int INVALID = Integer.MIN_VALUE;

    private Ppm() {
    }

    /**
     * Parses a percentage such as {@code 60}, {@code 12.5}, {@code 0.0001} or {@code 60%} to parts per million.
     *
     * @return the ppm, or {@link #INVALID} for anything else, negative values and values above 1000%
     */
    public static int parsePercent(final String text) {
        String body = text.trim();
        if (body.endsWith("%")) {
            body = body.substring(0, body.length() - 1).trim();
        }
        final long micros = Fixed.parse(body);
        if (micros == Fixed.INVALID || micros < 0 || micros > 1000 * Fixed.SCALE || micros % 100 != 0) {
            return INVALID;
        }
        return (int)(micros / 100);
    }

    /** Parses basis points such as {@code 25} or {@code 2.5} to parts per million, or {@link #INVALID}. */
    public static int parseBasisPoints(final String text) {
        final long micros = Fixed.parse(text.trim());
        if (micros == Fixed.INVALID || micros < 0 || micros > 100_000 * Fixed.SCALE || micros % 10_000 != 0) {
            return INVALID;
        }
        return (int)(micros / 10_000);
    }

    /** Renders ppm as a percentage with up to four decimals, for people; allocates. */
    public static String formatPercent(final long ppm) {
        final String body = Fixed.format(ppm * 100);
        return body + "%";
    }

    /** A fraction in ppm as a double in [0, 1], for analytics. */
    public static double toFraction(final long ppm) {
        return ppm / (double)ONE;
    }
}
