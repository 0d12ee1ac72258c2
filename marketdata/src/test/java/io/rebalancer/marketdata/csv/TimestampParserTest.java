package io.rebalancer.marketdata.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampParserTest {
    private static final long CLOSE = LocalTime.of(21, 0).toNanoOfDay();

    /** Parses {@code text} from inside a larger array, so reading past either end would show. */
    private static long nanos(final String text) {
        final byte[] bytes = ("1," + text + ",1").getBytes(StandardCharsets.US_ASCII);
        return TimestampParser.parse(bytes, 2, bytes.length - 2, CLOSE);
    }

    private static long epochNanos(final Instant instant) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, instant);
    }

    @Test
    void shouldStampADateAtTheDailyClose() {
        assertEquals(epochNanos(Instant.parse("2019-08-21T21:00:00Z")), nanos("2019-08-21"));
        assertEquals(epochNanos(Instant.parse("1990-01-02T21:00:00Z")), nanos("1990-01-02"));
        assertEquals(epochNanos(Instant.parse("1960-02-29T21:00:00Z")), nanos("1960-02-29"), "before 1970");
        final byte[] bytes = "2000-02-29".getBytes(StandardCharsets.US_ASCII);
        assertEquals(epochNanos(Instant.parse("2000-02-29T00:00:00Z")), TimestampParser.parse(bytes, 0, 10, 0));
    }

    @Test
    void shouldReadIsoTimestamps() {
        assertEquals(epochNanos(Instant.parse("2024-03-01T14:30:00Z")), nanos("2024-03-01T14:30:00Z"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T14:30:00Z")), nanos("2024-03-01T14:30:00"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T14:30:00Z")), nanos("2024-03-01 14:30:00"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T14:30:00Z")), nanos("2024-03-01t14:30:00z"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T14:30:00.500Z")), nanos("2024-03-01T14:30:00.5Z"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T14:30:00.123456789Z")),
            nanos("2024-03-01T14:30:00.123456789Z"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T12:30:00Z")), nanos("2024-03-01T14:30:00+02:00"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T19:30:00Z")), nanos("2024-03-01T14:30:00-05:00"));
        assertEquals(epochNanos(Instant.parse("2024-03-01T09:00:00Z")), nanos("2024-03-01T14:30:00+0530"));
        assertEquals(epochNanos(Instant.parse("2024-02-29T23:30:00Z")), nanos("2024-03-01T00:30:00+01:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2020", "garbage", "2020-13-01", "2020-00-10", "2020-02-30", "2019-02-29",
        "1900-02-29", "2020-04-31", "2020-01-00", "2020-1-01", "20200101", "2020/01/01", "2020-01-01 ",
        "2020-01-01T", "2020-01-01T24:00:00", "2020-01-01T23:60:00", "2020-01-01T23:59:60", "2020-01-01T10:00",
        "2020-01-01T10:00:00.", "2020-01-01T10:00:00.1234567890", "2020-01-01T10:00:00+19:00",
        "2020-01-01T10:00:00+05:60", "2020-01-01T10:00:00+05:3", "2020-01-01T10:00:00+", "2020-01-01T10:00:00ZZ",
        "2020-01-01X10:00:00", "2020-01-01T10-00-00", "2020-01-01T1a:00:00", "2020-01-01T10:00:00 Z",
        "1677-12-31", "2262-01-01", "-020-01-01", "2020-01-01T10:00:00+05:30:00"})
    void shouldRejectWhatIsNotATimestamp(final String text) {
        assertEquals(TimestampParser.INVALID, nanos(text));
    }

    @Test
    void shouldAgreeWithJavaTimeOnRandomTimestamps() {
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        final long from = Instant.parse("1678-01-02T00:00:00Z").getEpochSecond();
        final long to = Instant.parse("2261-12-30T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            final long second = from + (long)(random.nextDouble() * (to - from));
            final int digits = random.nextInt(10);
            final int nano = digits == 0 ? 0 : random.nextInt(1_000_000_000) / pow10(9 - digits) * pow10(9 - digits);
            final int offsetMinutes = random.nextInt(3) == 0 ? 0 : random.nextInt(18 * 60 * 2 + 1) - 18 * 60;
            final ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            final Instant instant = Instant.ofEpochSecond(second, nano);
            final LocalDateTime local = LocalDateTime.ofInstant(instant, offset);
            final StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02d%c%02d:%02d:%02d",
                local.getYear(), local.getMonthValue(), local.getDayOfMonth(), random.nextBoolean() ? 'T' : ' ',
                local.getHour(), local.getMinute(), local.getSecond()));
            if (digits > 0) {
                text.append('.').append(String.format("%09d", nano), 0, digits);
            }
            final int zone = random.nextInt(3);
            if (zone == 0 && offsetMinutes == 0) {
                text.append('Z');
            } else if (zone == 1 || offsetMinutes != 0) {
                text.append(offset.getId().equals("Z") ? "+00:00" : offset.getId());
            }
            assertEquals(epochNanos(OffsetDateTime.of(local, offset).toInstant()), nanos(text.toString()),
                text + " (seed " + seed + ")");
        }
    }

    private static int pow10(final int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
