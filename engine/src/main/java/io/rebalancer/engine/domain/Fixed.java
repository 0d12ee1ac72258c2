package io.rebalancer.engine.domain;

/**
 * Exact money: prices and cash are {@code long} counts of micros (one millionth of the currency unit).
 * <p>
 * Six decimals cover equity ticks, FX pips and most crypto quotes while a {@code long} still holds
 * 9.2 trillion currency units. Parsing goes straight from text to micros, never through {@code double},
 * so "0.29" is 290000 micros and not 289999. Products that could overflow go through
 * {@link #multiply(long, long)}, which returns {@link #OVERFLOW} instead of wrapping or throwing.
 */
public final class Fixed {
    /** Micros per currency unit. */
    public static final long SCALE = 1_000_000L;
    /** Decimal places of {@link #SCALE}. */
    public static final int DECIMALS = 6;
    /** Marks a value that could not be represented: NaN, infinite, negative where not allowed, too large. */
    public static final long INVALID = Long.MIN_VALUE;
    /** Result of a product that does not fit in a {@code long}. */
    public static final long OVERFLOW = Long.MAX_VALUE;
    /** Largest magnitude {@link #fromDouble(double)} accepts: above it a double has no exact micros anyway. */
    private static final double MAX_DOUBLE = 9.0e12;

    private Fixed() {
    }

    /**
     * Converts a double price from an external source (a CSV, a simulator) to micros, rounding to the nearest
     * micro (halves up, as {@link Math#round(double)}). NaN, infinities and magnitudes above 9e12 give
     * {@link #INVALID}, which every consumer rejects.
     */
    public static long fromDouble(final double value) {
        if (Double.isNaN(value) || value > MAX_DOUBLE || value < -MAX_DOUBLE) {
            return INVALID;
        }
        return Math.round(value * SCALE);
    }

    /** Micros as a double, for analytics and display only; never size an order from it. */
    public static double toDouble(final long micros) {
        return micros / (double)SCALE;
    }

    /**
     * {@code a * b} exactly, or {@link #OVERFLOW} when the magnitude of the product does not fit.
     * Used for quantity times price, which is a notional in micros.
     */
    public static long multiply(final long a, final long b) {
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        return OVERFLOW;
    }

    /** {@code a + b}, or {@link #OVERFLOW} when it does not fit or either side already is {@link #OVERFLOW}. */
    public static long add(final long a, final long b) {
        final long sum = a + b;
        if (a == OVERFLOW || b == OVERFLOW || ((a ^ sum) & (b ^ sum)) < 0) {
            return OVERFLOW;
        }
        return sum;
    }

    /** {@code a - b}, or {@link #OVERFLOW} when it does not fit or either side already is {@link #OVERFLOW}. */
    public static long subtract(final long a, final long b) {
        final long difference = a - b;
        if (a == OVERFLOW || b == OVERFLOW || ((a ^ b) & (a ^ difference)) < 0) {
            return OVERFLOW;
        }
        return difference;
    }

    /**
     * {@code value * ppm / 1_000_000} rounded toward zero, exact for any non-negative {@code value} and
     * {@code 0 <= ppm <= 1_000_000}, without a 128-bit intermediate.
     */
    public static long applyPpm(final long value, final long ppm) {
        final long whole = value / Ppm.ONE;
        final long rest = value % Ppm.ONE;
        return whole * ppm + rest * ppm / Ppm.ONE;
    }

    /**
     * Parses a decimal such as {@code 123.45} or {@code -0.000001} to micros exactly. Zeros past the sixth place are
     * allowed ({@code 509.12000000}, as FIX engines often pad prices); any other digit there is not exact.
     *
     * @return the micros, or {@link #INVALID} when the text is not a plain decimal exact to six places
     */
    public static long parse(final CharSequence text) {
        return parse(text, 0, text.length(), false);
    }

    /** As {@link #parse(CharSequence)} over {@code text[start, end)}; allocates nothing. */
    public static long parse(final CharSequence text, final int start, final int end) {
        return parse(text, start, end, false);
    }

    /**
     * As {@link #parse(CharSequence)}, rounding half up (away from zero) at the sixth place: for market prices, where
     * a feed's extra places carry nothing a micro does not; never for money booked. Allocates nothing.
     */
    public static long parseRounded(final CharSequence text) {
        return parse(text, 0, text.length(), true);
    }

    private static long parse(final CharSequence text, final int start, final int end, final boolean round) {
        int i = start;
        if (i >= end) {
            return INVALID;
        }
        boolean negative = false;
        if (text.charAt(i) == '-' || text.charAt(i) == '+') {
            negative = text.charAt(i) == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < end && text.charAt(i) != '.') {
            final int d = text.charAt(i) - '0';
            if (d < 0 || d > 9 || whole > (Long.MAX_VALUE / SCALE) / 10) {
                return INVALID;
            }
            whole = whole * 10 + d;
            digits++;
            i++;
        }
        long fraction = 0;
        int places = 0;
        int roundingDigit = -1;
        if (i < end) {
            i++;
            while (i < end) {
                final int d = text.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                if (places < DECIMALS) {
                    fraction = fraction * 10 + d;
                    places++;
                } else {
                    if (roundingDigit < 0) {
                        roundingDigit = d;
                    }
                    if (d != 0 && !round) {
                        return INVALID;
                    }
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        for (int p = places; p < DECIMALS; p++) {
            fraction *= 10;
        }
        final long up = round && roundingDigit >= 5 ? 1 : 0;
        if (whole > (Long.MAX_VALUE - fraction - up) / SCALE) {
            return INVALID;
        }
        final long micros = whole * SCALE + fraction + up;
        return negative ? -micros : micros;
    }

    /** Renders micros as a plain decimal with at least two places, for people; allocates. */
    public static String format(final long micros) {
        return format(micros, 2);
    }

    /**
     * Renders micros as a plain decimal, never an exponent, with trailing zeros dropped down to {@code minPlaces}
     * decimals (0 drops the point too: 1000000 gives "1"); allocates.
     */
    public static String format(final long micros, final int minPlaces) {
        if (micros == INVALID) {
            return "invalid";
        }
        if (micros == OVERFLOW) {
            return "overflow";
        }
        final StringBuilder out = new StringBuilder(24);
        final long abs = Math.abs(micros);
        if (micros < 0) {
            out.append('-');
        }
        out.append(abs / SCALE);
        long fraction = abs % SCALE;
        int places = DECIMALS;
        while (places > minPlaces && fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        if (places == 0) {
            return out.toString();
        }
        out.append('.');
        final String digits = Long.toString(fraction);
        for (int pad = digits.length(); pad < places; pad++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }
}
