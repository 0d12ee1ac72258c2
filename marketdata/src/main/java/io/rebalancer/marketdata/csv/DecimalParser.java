package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.Fixed;

/**
 * Decimal text, as bytes, straight to micros: never through {@code double} (which turns 0.29 into 289999 micros
 * when cast), never allocating, so a file of a million prices costs no garbage.
 * <p>
 * Accepts an optional sign, digits, and an optional fraction of any length, rounded half up (away from zero, as
 * {@code BigDecimal.setScale(6, RoundingMode.HALF_UP)}) to six places: exports from pandas write sixteen-digit
 * fractions such as 0.2621293365955353. There is no exponent: no file we replay writes one, and "1e5" is more
 * likely a mangled cell than a price. Anything else (NaN, text, an empty cell, a magnitude that does not fit a
 * {@code long} of micros) is {@link Fixed#INVALID}, which the market-data edge refuses and counts.
 */
final class DecimalParser {
    /** The largest whole part whose micros still fit in a {@code long}. */
    private static final long MAX_WHOLE = Long.MAX_VALUE / Fixed.SCALE;
    /** {@link Fixed#OVERFLOW} is a marker, so the largest magnitude we hand out is one below it. */
    private static final long MAX_MAGNITUDE = Fixed.OVERFLOW - 1;

    private DecimalParser() {
    }

    /** The micros of {@code bytes[start, end)}, or {@link Fixed#INVALID}. */
    static long parseMicros(final byte[] bytes, final int start, final int end) {
        int i = start;
        if (i >= end) {
            return Fixed.INVALID;
        }
        final boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        long whole = 0;
        int digits = 0;
        for (; i < end && isDigit(bytes[i]); i++) {
            if (whole > MAX_WHOLE) {
                // Checked before the multiply, so a long run of digits cannot wrap around.
                return Fixed.INVALID;
            }
            whole = whole * 10 + (bytes[i] - '0');
            digits++;
        }
        long fraction = 0;
        int places = 0;
        int roundingDigit = 0;
        if (i < end && bytes[i] == '.') {
            for (i++; i < end && isDigit(bytes[i]); i++) {
                if (places < Fixed.DECIMALS) {
                    fraction = fraction * 10 + (bytes[i] - '0');
                } else if (places == Fixed.DECIMALS) {
                    // Half up needs only the first dropped digit: the rest is below half a micro either way.
                    roundingDigit = bytes[i] - '0';
                }
                places++;
                digits++;
            }
        }
        if (i != end || digits == 0) {
            return Fixed.INVALID;
        }
        for (int p = places; p < Fixed.DECIMALS; p++) {
            fraction *= 10;
        }
        final long below = fraction + (roundingDigit >= 5 ? 1 : 0);
        if (whole > (MAX_MAGNITUDE - below) / Fixed.SCALE) {
            return Fixed.INVALID;
        }
        final long magnitude = whole * Fixed.SCALE + below;
        return negative ? -magnitude : magnitude;
    }

    /**
     * A whole number of units from decimal text: the micros rounded half up to a unit (a size written "100.0" by a
     * float column is 100). {@link Fixed#INVALID} when the text is not a number.
     */
    static long parseUnits(final byte[] bytes, final int start, final int end) {
        final long micros = parseMicros(bytes, start, end);
        if (micros == Fixed.INVALID) {
            return Fixed.INVALID;
        }
        final long half = Fixed.SCALE / 2;
        return micros >= 0 ? (micros + half) / Fixed.SCALE : -((-micros + half) / Fixed.SCALE);
    }

    /** A non-negative whole number written with digits only (a sequence number), or -1. */
    static long parseCount(final byte[] bytes, final int start, final int end) {
        if (start >= end) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            final int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isDigit(final byte b) {
        return b >= '0' && b <= '9';
    }
}
