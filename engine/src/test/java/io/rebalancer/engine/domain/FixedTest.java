package io.rebalancer.engine.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FixedTest {
    @Test
    void shouldParseDecimalsStraightToMicrosWithoutPassingThroughDouble() {
        assertEquals(290_000, Fixed.parse("0.29"));
        assertEquals(123_450_000, Fixed.parse("123.45"));
        assertEquals(-1, Fixed.parse("-0.000001"));
        assertEquals(7_000_000, Fixed.parse("+7"));
        assertEquals(500_000, Fixed.parse(".5"));
        assertEquals(5_000_000, Fixed.parse("5."));
        assertEquals(509_120_000, Fixed.parse("509.12000000"), "zeros past the sixth place are exact");
    }

    @Test
    void shouldRoundMarketPricesHalfUpAtTheSixthPlace() {
        assertEquals(1_234_568, Fixed.parseRounded("1.2345675"));
        assertEquals(1_234_567, Fixed.parseRounded("1.23456749999"));
        assertEquals(-1_234_568, Fixed.parseRounded("-1.2345675"), "half away from zero, as BigDecimal HALF_UP");
        assertEquals(509_120_000, Fixed.parseRounded("509.12000000"));
        assertEquals(999_999, Fixed.parseRounded("0.9999985"));
        assertEquals(Fixed.INVALID, Fixed.parseRounded("1.23456x"));
        assertEquals(Fixed.INVALID, Fixed.parseRounded("9223372036854.7758075"));
    }

    @Test
    void shouldRefuseTextThatIsNotAPlainDecimalWithAtMostSixPlaces() {
        for (final String bad : new String[] {"", "-", ".", "1.2345678", "1.00000001", "1,000", "1e3", "abc", "1.2.3",
            " 1",
            "99999999999999999999", "-9223372036855", "9223372036854.775808"}) {
            assertEquals(Fixed.INVALID, Fixed.parse(bad), bad);
        }
    }

    @Test
    void shouldParseTheLargestRepresentableAmountAndNothingBeyond() {
        assertEquals(Long.MAX_VALUE, Fixed.parse("9223372036854.775807"));
        assertEquals(-Long.MAX_VALUE, Fixed.parse("-9223372036854.775807"));
    }

    @Test
    void shouldMapNaNInfinityAndHugeDoublesToInvalid() {
        assertEquals(Fixed.INVALID, Fixed.fromDouble(Double.NaN));
        assertEquals(Fixed.INVALID, Fixed.fromDouble(Double.POSITIVE_INFINITY));
        assertEquals(Fixed.INVALID, Fixed.fromDouble(Double.NEGATIVE_INFINITY));
        assertEquals(Fixed.INVALID, Fixed.fromDouble(1e13));
        assertEquals(290_000, Fixed.fromDouble(0.29));
        assertEquals(-1_500_000, Fixed.fromDouble(-1.5));
    }

    @Test
    void shouldFormatMicrosForPeople() {
        assertEquals("0.29", Fixed.format(290_000));
        assertEquals("-1.000001", Fixed.format(-1_000_001));
        assertEquals("12.00", Fixed.format(12_000_000));
        assertEquals("invalid", Fixed.format(Fixed.INVALID));
        assertEquals("overflow", Fixed.format(Fixed.OVERFLOW));
    }

    @Test
    void shouldMultiplyExactlyOrReportOverflow() {
        final Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            final long a = random.nextLong() >> random.nextInt(64);
            final long b = random.nextLong() >> random.nextInt(64);
            final BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
            final long expected = exact.bitLength() < 64 && exact.longValue() != Fixed.OVERFLOW
                ? exact.longValueExact() : Fixed.OVERFLOW;
            assertEquals(expected, Fixed.multiply(a, b), a + " x " + b);
        }
    }

    @Test
    void shouldAddAndSubtractExactlyOrReportOverflowStickily() {
        assertEquals(3, Fixed.add(1, 2));
        assertEquals(Fixed.OVERFLOW, Fixed.add(Long.MAX_VALUE - 1, 2));
        assertEquals(Fixed.OVERFLOW, Fixed.add(Long.MIN_VALUE + 1, -2));
        assertEquals(Fixed.OVERFLOW, Fixed.add(Fixed.OVERFLOW, -5));
        assertEquals(-1, Fixed.subtract(1, 2));
        assertEquals(Fixed.OVERFLOW, Fixed.subtract(Long.MIN_VALUE + 1, 2));
        assertEquals(Fixed.OVERFLOW, Fixed.subtract(Long.MAX_VALUE - 1, -2));
        assertEquals(Fixed.OVERFLOW, Fixed.subtract(0, Fixed.OVERFLOW));
    }

    @Test
    void shouldApplyPpmExactlyForAnyNonNegativeValue() {
        final Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            final long value = random.nextLong() >>> 1 >> random.nextInt(63);
            final long ppm = random.nextInt(Ppm.ONE + 1);
            final BigDecimal exact = BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(ppm))
                .divideToIntegralValue(BigDecimal.valueOf(Ppm.ONE));
            assertEquals(exact.longValueExact(), Fixed.applyPpm(value, ppm), value + " x " + ppm + " ppm");
        }
    }
}
