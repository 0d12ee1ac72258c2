package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.Fixed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalParserTest {
    /** Parses {@code text} from inside a larger array, so reading past either end would show. */
    private static long micros(final String text) {
        final byte[] bytes = ("9." + text + "9").getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parseMicros(bytes, 2, bytes.length - 1);
    }

    @Test
    void shouldParsePlainDecimalsExactly() {
        assertEquals(123_450_000L, micros("123.45"));
        assertEquals(290_000L, micros("0.29"));
        assertEquals(0L, micros("0"));
        assertEquals(7_000_000L, micros("7"));
        assertEquals(500_000L, micros(".5"));
        assertEquals(5_000_000L, micros("5."));
        assertEquals(12_340_000L, micros("000012.340000"));
        assertEquals(65_004_028L, micros("65.004028"));
    }

    @Test
    void shouldTakeEitherSign() {
        assertEquals(1_500_000L, micros("+1.5"));
        assertEquals(-1_500_000L, micros("-1.5"));
        assertEquals(-1L, micros("-0.000001"));
        assertEquals(0L, micros("-0"));
    }

    @Test
    void shouldRoundHalfUpAwayFromZero() {
        assertEquals(1L, micros("0.0000005"));
        assertEquals(0L, micros("0.00000049999999999"));
        assertEquals(1_234_567L, micros("1.2345674999"));
        assertEquals(1_234_568L, micros("1.2345675"));
        assertEquals(1_000_000L, micros("0.9999995"));
        assertEquals(10_000_000L, micros("9.99999999999"));
        assertEquals(-1L, micros("-0.0000005"));
        assertEquals(0L, micros("-0.0000004"));
    }

    @Test
    void shouldReadSixteenDigitFractionsOfFloatExports() {
        assertEquals(262_129L, micros("0.2621293365955353"));
        assertEquals(234_929_993L, micros("234.92999267578125"));
        assertEquals(9_700_000L, micros("9.699999809265137"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "nan", "abc", "-", "+", ".", "-.", "1.2.3", "1e5", "1E-5", "1,5", " 1", "1 ",
        "--1", "+-1", "0x10", "Infinity", "1.5a", "a1.5", "1..5", "1.-5"})
    void shouldRejectWhatIsNotANumber(final String text) {
        assertEquals(Fixed.INVALID, micros(text));
    }

    @Test
    void shouldRejectWhatDoesNotFitInMicros() {
        assertEquals(Long.MAX_VALUE - 1, micros("9223372036854.775806"));
        assertEquals(-(Long.MAX_VALUE - 1), micros("-9223372036854.775806"));
        assertEquals(Fixed.INVALID, micros("9223372036854.775807"), "the OVERFLOW marker is not a price");
        assertEquals(Fixed.INVALID, micros("9223372036854.7758065"), "rounds up past the limit");
        assertEquals(Fixed.INVALID, micros("9223372036855"));
        assertEquals(Fixed.INVALID, micros("-9223372036855"));
        assertEquals(Fixed.INVALID, micros("123456789012345678901234567890"));
        assertEquals(1_000_000L, micros("0000000000000000000000000000001"));
    }

    @Test
    void shouldAgreeWithBigDecimalOnRandomText() {
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        final BigDecimal limit = BigDecimal.valueOf(Long.MAX_VALUE - 1);
        for (int i = 0; i < 200_000; i++) {
            final StringBuilder text = new StringBuilder();
            final int sign = random.nextInt(4);
            text.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
            final int wholeDigits = random.nextInt(4) == 0 ? random.nextInt(20) : 1 + random.nextInt(5);
            for (int d = 0; d < wholeDigits; d++) {
                text.append((char)('0' + random.nextInt(10)));
            }
            final int places = random.nextInt(4) == 0 ? -1 : random.nextInt(18);
            if (places >= 0) {
                text.append('.');
                for (int d = 0; d < places; d++) {
                    text.append(random.nextInt(3) == 0 ? '5' : (char)('0' + random.nextInt(10)));
                }
            }
            final String value = text.toString();
            long expected;
            try {
                final BigDecimal scaled = new BigDecimal(value).setScale(6, RoundingMode.HALF_UP).movePointRight(6);
                expected = scaled.abs().compareTo(limit) > 0 ? Fixed.INVALID : scaled.longValueExact();
            } catch (final NumberFormatException notANumber) {
                expected = Fixed.INVALID;
            }
            assertEquals(expected, micros(value), "'" + value + "' (seed " + seed + ")");
        }
    }

    @Test
    void shouldReadSizesInWholeUnits() {
        final byte[] bytes = "100,100.0,2.5,2.4999,-2.5,x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(100L, DecimalParser.parseUnits(bytes, 0, 3));
        assertEquals(100L, DecimalParser.parseUnits(bytes, 4, 9));
        assertEquals(3L, DecimalParser.parseUnits(bytes, 10, 13));
        assertEquals(2L, DecimalParser.parseUnits(bytes, 14, 20));
        assertEquals(-3L, DecimalParser.parseUnits(bytes, 21, 25));
        assertEquals(Fixed.INVALID, DecimalParser.parseUnits(bytes, 26, 27));
    }

    @Test
    void shouldReadSequenceNumbersAsDigitsOnly() {
        final byte[] bytes = "42,0,9223372036854775807,9223372036854775808,-1,1.0,".getBytes(StandardCharsets.US_ASCII);
        assertEquals(42L, DecimalParser.parseCount(bytes, 0, 2));
        assertEquals(0L, DecimalParser.parseCount(bytes, 3, 4));
        assertEquals(Long.MAX_VALUE, DecimalParser.parseCount(bytes, 5, 24));
        assertEquals(-1L, DecimalParser.parseCount(bytes, 25, 44));
        assertEquals(-1L, DecimalParser.parseCount(bytes, 45, 47));
        assertEquals(-1L, DecimalParser.parseCount(bytes, 48, 51));
        assertEquals(-1L, DecimalParser.parseCount(bytes, 52, 52));
    }
}
