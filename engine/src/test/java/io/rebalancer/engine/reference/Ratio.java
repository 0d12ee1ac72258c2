package io.rebalancer.engine.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact fraction of two unbounded integers, for the reference's drift: weights, bands and ratios with no
 * rounding at all, so comparing a ratio with a threshold is exact.
 *
 * @param numerator   any integer
 * @param denominator positive
 */
record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {
    static final Ratio ZERO = of(0);
    static final Ratio ONE = of(1);

    Ratio {
        if (denominator.signum() <= 0) {
            throw new ArithmeticException("denominator " + denominator);
        }
    }

    static Ratio of(final long value) {
        return new Ratio(BigInteger.valueOf(value), BigInteger.ONE);
    }

    static Ratio of(final BigInteger numerator, final BigInteger denominator) {
        return denominator.signum() < 0 ? new Ratio(numerator.negate(), denominator.negate())
            : new Ratio(numerator, denominator);
    }

    /** Parts per million as a fraction: 250_000 is 1/4. */
    static Ratio ppm(final long ppm) {
        return new Ratio(BigInteger.valueOf(ppm), BigInteger.valueOf(1_000_000));
    }

    Ratio add(final Ratio other) {
        return reduced(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
            denominator.multiply(other.denominator));
    }

    Ratio subtract(final Ratio other) {
        return add(other.negate());
    }

    Ratio negate() {
        return new Ratio(numerator.negate(), denominator);
    }

    Ratio divide(final Ratio other) {
        return reduced(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    Ratio abs() {
        return numerator.signum() < 0 ? negate() : this;
    }

    Ratio max(final Ratio other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(final Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    double toDouble() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
    }

    @Override
    public String toString() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).toString();
    }

    private static Ratio reduced(final BigInteger numerator, final BigInteger denominator) {
        final BigInteger gcd = numerator.gcd(denominator);
        final Ratio ratio = of(numerator, denominator);
        return gcd.signum() == 0 || gcd.equals(BigInteger.ONE) ? ratio
            : new Ratio(ratio.numerator.divide(gcd), ratio.denominator.divide(gcd));
    }
}
