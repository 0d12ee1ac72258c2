package io.rebalancer.fix.md;

import io.rebalancer.engine.time.CivilDates;

import java.util.concurrent.TimeUnit;

/**
 * An entry's event time, MDEntryDate (272, {@code YYYYMMDD}) and MDEntryTime (273, UTC, {@code HH:MM:SS} with up
 * to nine decimals), to epoch nanoseconds, reading the characters without allocating or going through java.time.
 */
final class EntryTime {
    /** Returned when a time is absent or cannot be read. */
    static final long NONE = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_DECIMALS = 9;
    private static final int HOURS = 24;
    private static final int MINUTES = 60;
    private static final int LAST_SECOND = 60;

    private EntryTime() {
    }

    /** Epoch nanoseconds, or {@link #NONE} when either part is null or not a valid UTC date and time. */
    static long parse(final CharSequence date, final CharSequence time) {
        if (date == null || time == null || date.length() != 8 || time.length() < 8 || time.length() == 9
            || time.length() > 9 + MAX_DECIMALS || time.charAt(2) != ':' || time.charAt(5) != ':') {
            return NONE;
        }
        final int year = digits(date, 0, 4);
        final int month = digits(date, 4, 6);
        final int day = digits(date, 6, 8);
        final int hour = digits(time, 0, 2);
        final int minute = digits(time, 3, 5);
        final int second = digits(time, 6, 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > CivilDates.lengthOfMonth(year, month)
            || hour < 0 || hour >= HOURS || minute < 0 || minute >= MINUTES || second < 0 || second > LAST_SECOND) {
            return NONE;
        }
        long fraction = 0;
        if (time.length() > 8) {
            if (time.charAt(8) != '.') {
                return NONE;
            }
            final int decimals = digits(time, 9, time.length());
            if (decimals < 0) {
                return NONE;
            }
            fraction = decimals;
            for (int i = time.length() - 9; i < MAX_DECIMALS; i++) {
                fraction *= 10;
            }
        }
        final long seconds = CivilDates.daysFromCivil(year, month, day) * CivilDates.SECONDS_PER_DAY
            + hour * 3_600L + minute * 60L + second;
        return seconds * NANOS_PER_SECOND + fraction;
    }

    /** The decimal value of {@code text[from, to)}, at most nine digits; -1 if any is not a digit. */
    private static int digits(final CharSequence text, final int from, final int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            final int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
