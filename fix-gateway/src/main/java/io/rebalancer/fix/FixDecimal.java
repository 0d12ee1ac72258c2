package io.rebalancer.fix;

import io.rebalancer.engine.domain.Fixed;

/**
 * Exact conversions between the engine's fixed-point numbers and FIX decimal strings, at the wire boundary.
 * <p>
 * Nothing goes through {@code double}: QuickFIX/J's typed getters ({@code getLastPx()}) return doubles and would
 * turn a price such as 0.29 into 0.28999999999999998; we read and write the field's text instead.
 */
public final class FixDecimal {
    /** Returned by {@link #parseQuantity(String)} when the text is not a whole, non-negative quantity. */
    public static final long INVALID_QUANTITY = -1;

    private FixDecimal() {
    }

    /**
     * Micros as the shortest plain decimal that is exactly that value: 290000 gives "0.29", 1000000 gives "1",
     * 1000000000001 gives "1000000.000001". Never an exponent, never a trailing zero after the point.
     */
    public static String formatPrice(final long micros) {
        if (micros == Fixed.INVALID || micros == Fixed.OVERFLOW) {
            throw new IllegalArgumentException("not a price: " + micros);
        }
        return Fixed.format(micros, 0);
    }

    /**
     * A FIX price string straight to micros with {@link Fixed#parse(CharSequence)}.
     *
     * @return micros, or {@link Fixed#INVALID} for null, empty, garbage or more than six decimals
     */
    public static long parsePrice(final String text) {
        return text == null ? Fixed.INVALID : Fixed.parse(text);
    }

    /**
     * A FIX Qty string to whole units. FIX allows a decimal point ("100" or "100.00"); a fractional part
     * other than zeros is refused, because our instruments trade in whole units.
     *
     * Not {@link Fixed#parse}: quantities and our ids (see {@link #parseId}) may exceed the 9.2e12 whole units
     * that micros can hold.
     *
     * @return units, or {@link #INVALID_QUANTITY}
     */
    public static long parseQuantity(final String text) {
        if (text == null || text.isEmpty()) {
            return INVALID_QUANTITY;
        }
        long value = 0;
        int digits = 0;
        int i = 0;
        final int end = text.length();
        while (i < end && text.charAt(i) != '.') {
            final int d = text.charAt(i) - '0';
            if (d < 0 || d > 9 || value > (Long.MAX_VALUE - d) / 10) {
                return INVALID_QUANTITY;
            }
            value = value * 10 + d;
            digits++;
            i++;
        }
        for (i++; i < end; i++) {
            if (text.charAt(i) != '0') {
                return INVALID_QUANTITY;
            }
        }
        return digits == 0 ? INVALID_QUANTITY : value;
    }

    /**
     * A ClOrdID (or any id we minted as a decimal long) back to its long.
     *
     * @return the id, or -1 when the text is not a positive decimal long
     */
    public static long parseId(final String text) {
        final long value = parseQuantity(text);
        return text != null && text.indexOf('.') < 0 && value > 0 ? value : -1;
    }
}
