package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.time.CivilDates;

import java.util.concurrent.TimeUnit;

/**
 * A CSV timestamp, as bytes, to epoch nanoseconds without allocating ({@link java.time} would create objects per
 * line). Two shapes:
 * <ul>
 *   <li>{@code YYYY-MM-DD}: a daily close, stamped at a fixed time of day UTC chosen by the caller (see
 *       {@link CsvFeeds#DEFAULT_DAILY_CLOSE_UTC} for why 21:00);</li>
 *   <li>{@code YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]} (ISO-8601; a space may stand for the T, the
 *       fraction has 1 to 9 digits, {@code +HHMM} is read too, and no zone means UTC).</li>
 * </ul>
 * Anything else, an impossible date (2023-02-29) or time (24:00:00, a leap second), or a year outside
 * 1678..2261 (where epoch nanoseconds stop fitting a {@code long}) is {@link #INVALID}.
 */
final class TimestampParser {
    /** Returned for text that is not a timestamp; no real timestamp in range maps to it. */
    static final long INVALID = Long.MIN_VALUE;
    static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int MIN_YEAR = 1678;
    private static final int MAX_YEAR = 2261;
    private static final int MAX_OFFSET_HOURS = 18;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int DATE_LENGTH = 10;
    /** {@code THH:MM:SS} after the date. */
    private static final int TIME_LENGTH = 9;

    private TimestampParser() {
    }

    /**
     * @param closeNanosOfDay where a date without a time is stamped, nanoseconds after midnight UTC
     * @return epoch nanoseconds, or {@link #INVALID}
     */
    static long parse(final byte[] bytes, final int start, final int end, final long closeNanosOfDay) {
        if (end - start < DATE_LENGTH || bytes[start + 4] != '-' || bytes[start + 7] != '-') {
            return INVALID;
        }
        final int year = digits(bytes, start, 4);
        final int month = digits(bytes, start + 5, 2);
        final int day = digits(bytes, start + 8, 2);
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1
            || day > CivilDates.lengthOfMonth(year, month)) {
            return INVALID;
        }
        final long midnight = CivilDates.daysFromCivil(year, month, day) * NANOS_PER_DAY;
        if (end - start == DATE_LENGTH) {
            return midnight + closeNanosOfDay;
        }
        final long sinceMidnight = time(bytes, start + DATE_LENGTH, end);
        return sinceMidnight == INVALID ? INVALID : midnight + sinceMidnight;
    }

    /** {@code THH:MM:SS[.f][zone]} to nanoseconds after the date's UTC midnight (negative or past a day by zone). */
    private static long time(final byte[] bytes, final int start, final int end) {
        final byte separator = bytes[start];
        if (end - start < TIME_LENGTH || (separator != 'T' && separator != 't' && separator != ' ')
            || bytes[start + 3] != ':' || bytes[start + 6] != ':') {
            return INVALID;
        }
        final int hour = digits(bytes, start + 1, 2);
        final int minute = digits(bytes, start + 4, 2);
        final int second = digits(bytes, start + 7, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int i = start + TIME_LENGTH;
        long fraction = 0;
        if (i < end && bytes[i] == '.') {
            int places = 0;
            for (i++; i < end && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
                fraction = fraction * 10 + (bytes[i] - '0');
                places++;
            }
            if (places == 0 || places > MAX_FRACTION_DIGITS) {
                return INVALID;
            }
            for (; places < MAX_FRACTION_DIGITS; places++) {
                fraction *= 10;
            }
        }
        final long offsetSeconds = offset(bytes, i, end);
        if (offsetSeconds == INVALID) {
            return INVALID;
        }
        return (hour * 3600L + minute * 60L + second - offsetSeconds) * NANOS_PER_SECOND + fraction;
    }

    /** Nothing (UTC), {@code Z}, {@code +HH:MM} or {@code +HHMM}, to seconds east of UTC; or {@link #INVALID}. */
    private static long offset(final byte[] bytes, final int start, final int end) {
        if (start == end) {
            return 0;
        }
        final byte sign = bytes[start];
        if (sign == 'Z' || sign == 'z') {
            return end - start == 1 ? 0 : INVALID;
        }
        if (sign != '+' && sign != '-') {
            return INVALID;
        }
        final int length = end - start;
        final int minutes;
        if (length == 6 && bytes[start + 3] == ':') {
            minutes = digits(bytes, start + 4, 2);
        } else if (length == 5) {
            minutes = digits(bytes, start + 3, 2);
        } else {
            return INVALID;
        }
        final int hours = digits(bytes, start + 1, 2);
        if (hours < 0 || hours > MAX_OFFSET_HOURS || minutes < 0 || minutes > 59) {
            return INVALID;
        }
        final long seconds = hours * 3600L + minutes * 60L;
        return sign == '-' ? -seconds : seconds;
    }

    /** The value of exactly {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(final byte[] bytes, final int start, final int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            final int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
