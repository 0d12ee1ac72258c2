package io.rebalancer.engine.time;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01, negative before), after
 * Howard Hinnant's {@code days_from_civil} and {@code civil_from_days}.
 * <p>
 * The engine must turn an event timestamp into a date on every tick without allocating, so this works on
 * primitives only where {@link java.time.LocalDate} would create an object per call. The algorithms shift
 * the year to start in March, which puts the leap day last, and split time into 400-year eras of exactly
 * 146,097 days, so a date is a few divisions with no loops or tables, for negative epoch days too.
 * <p>
 * Dates are read with {@link #year(long)}, {@link #month(long)} and {@link #dayOfMonth(long)}, or all three
 * at once with {@link #packedDate(long)} as a {@code yyyymmdd} int. Results are defined for years that fit
 * an {@code int} (any epoch day an epoch-nanosecond timestamp can reach is far inside that range).
 */
public final class CivilDates {
    /** Seconds in a calendar day of local time (leap seconds do not exist on the java.time time-line). */
    public static final int SECONDS_PER_DAY = 86_400;
    /** Days in a 400-year Gregorian cycle, which repeats exactly. */
    private static final long DAYS_PER_ERA = 146_097L;
    /** Days from 0000-03-01, the start of the March-based era, to 1970-01-01. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468L;
    /** ISO day of week of 1970-01-01, a Thursday. */
    private static final int EPOCH_DAY_OF_WEEK = 4;

    private CivilDates() {
    }

    /**
     * The epoch day of a date. The arguments are not validated, so that the hot path pays for no checks:
     * {@code month} must be 1..12; a {@code day} past the end of the month counts on into the next month
     * ({@code (2023, 2, 29)} is 2023-03-01) and day 0 is the last day of the previous month.
     */
    public static long daysFromCivil(final int year, final int month, final int day) {
        final long marchYear = month <= 2 ? year - 1L : year;
        final long era = Math.floorDiv(marchYear, 400L);
        final long yearOfEra = marchYear - era * 400L;
        final int marchMonth = month > 2 ? month - 3 : month + 9;
        final long dayOfYear = (153L * marchMonth + 2L) / 5L + day - 1L;
        final long dayOfEra = yearOfEra * 365L + yearOfEra / 4L - yearOfEra / 100L + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
    }

    /** The proleptic year of an epoch day (year 0 is 1 BCE, as in java.time). */
    public static int year(final long epochDay) {
        return (int)Math.floorDiv(civil(epochDay), 10_000L);
    }

    /** The month 1..12 of an epoch day. */
    public static int month(final long epochDay) {
        return (int)(Math.floorMod(civil(epochDay), 10_000L) / 100L);
    }

    /** The day of month 1..31 of an epoch day. */
    public static int dayOfMonth(final long epochDay) {
        return (int)Math.floorMod(civil(epochDay), 100L);
    }

    /**
     * The date as {@code year * 10_000 + month * 100 + day}, for example {@code 20240229}, from one pass of
     * the algorithm instead of three. Handy as a readable primitive key (a trading date in a journal record).
     * Valid for years -214,747..214,747; for a negative year decode with {@link Math#floorDiv(int, int)} and
     * {@link Math#floorMod(int, int)} by 10,000, since the month and day part stays positive.
     */
    public static int packedDate(final long epochDay) {
        return (int)civil(epochDay);
    }

    /** ISO day of week of an epoch day: 1 is Monday .. 7 is Sunday. */
    public static int dayOfWeek(final long epochDay) {
        return (int)Math.floorMod(epochDay + EPOCH_DAY_OF_WEEK - 1, 7L) + 1;
    }

    /** True for proleptic Gregorian leap years: divisible by 4, except centuries not divisible by 400. */
    public static boolean isLeapYear(final int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days in {@code month} (1..12) of {@code year}: 28..31. */
    public static int lengthOfMonth(final int year, final int month) {
        if (month == 2) {
            return isLeapYear(year) ? 29 : 28;
        }
        // 31 for odd months up to July and even months from August: bit 0 of month + month / 8.
        return 30 + ((month + (month >> 3)) & 1);
    }

    /** {@code civil_from_days}: the date of an epoch day as a {@code long} {@code yyyymmdd}, never overflowing. */
    private static long civil(final long epochDay) {
        final long shifted = epochDay + DAYS_0000_03_01_TO_EPOCH;
        final long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        final long dayOfEra = shifted - era * DAYS_PER_ERA;
        final long yearOfEra = (dayOfEra - dayOfEra / 1_460L + dayOfEra / 36_524L - dayOfEra / 146_096L) / 365L;
        final long dayOfYear = dayOfEra - (365L * yearOfEra + yearOfEra / 4L - yearOfEra / 100L);
        final long marchMonth = (5L * dayOfYear + 2L) / 153L;
        final long day = dayOfYear - (153L * marchMonth + 2L) / 5L + 1L;
        final long month = marchMonth < 10L ? marchMonth + 3L : marchMonth - 9L;
        final long year = yearOfEra + era * 400L + (month <= 2L ? 1L : 0L);
        return year * 10_000L + month * 100L + day;
    }
}
