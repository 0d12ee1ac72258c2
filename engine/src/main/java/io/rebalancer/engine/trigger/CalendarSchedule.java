package io.rebalancer.engine.trigger;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.time.CivilDates;
import io.rebalancer.engine.time.ZoneOffsetTable;

/**
 * The review instants of a {@link CalendarSpec}, computed from event time without allocating, so the engine
 * thread can ask after every review "when is the next one?" and compare each tick's timestamp with a long.
 * <p>
 * A review happens on each review day at {@code secondOfDay} local time in {@code spec.zone()}:
 * <ul>
 *     <li>DAILY: every calendar day;</li>
 *     <li>WEEKLY: on ISO {@code dayOfWeek};</li>
 *     <li>MONTHLY: on {@code dayOfMonth}, clamped to the month's length (31 means the 30th in April), or the
 *     last day of the month for {@link CalendarSpec#LAST_DAY};</li>
 *     <li>QUARTERLY: as monthly, in months {@code month}, {@code month + 3}, {@code month + 6}, {@code month + 9};
 *     </li>
 *     <li>ANNUAL: as monthly, in {@code month} only, so February 29 means February 28 in common years.</li>
 * </ul>
 * A review time that falls in a daylight-saving gap moves later by the length of the gap (02:30 on the New York
 * spring-forward day is 03:30 EDT); one that falls in an overlap happens once, at the earlier instant (01:30 EDT
 * on the fall-back day), as {@link java.time.ZonedDateTime#of} resolves them. Instants are epoch nanoseconds.
 * Immutable and thread-safe.
 */
public final class CalendarSchedule {
    /** Returned when the next review is past the last epoch-nanosecond instant a {@code long} holds (2262). */
    public static final long NEVER = Long.MAX_VALUE;

    private static final long MAX_EPOCH_SECOND = Long.MAX_VALUE / ZoneOffsetTable.NANOS_PER_SECOND;
    private static final long MIN_EPOCH_SECOND = -MAX_EPOCH_SECOND;

    private final CalendarFrequency frequency;
    private final int dayOfWeek;
    private final int dayOfMonth;
    private final int month;
    private final int secondOfDay;
    private final ZoneOffsetTable zone;

    /** Builds the schedule and its zone's offset table; allocates, so call it at configuration time. */
    public CalendarSchedule(final CalendarSpec spec) {
        this(spec, ZoneOffsetTable.of(spec.zone()));
    }

    /**
     * Builds the schedule on an existing offset table, so that many portfolios reviewed in one zone can share
     * one table instead of each computing three centuries of transitions.
     *
     * @throws IllegalArgumentException if {@code zone} was not built from {@code spec.zone()}
     */
    public CalendarSchedule(final CalendarSpec spec, final ZoneOffsetTable zone) {
        if (!spec.zone().equals(zone.zone())) {
            throw new IllegalArgumentException("calendar zone " + spec.zone() + " but offset table for " + zone.zone());
        }
        frequency = spec.frequency();
        dayOfWeek = spec.dayOfWeek();
        dayOfMonth = spec.dayOfMonth();
        month = spec.month();
        secondOfDay = spec.secondOfDay();
        this.zone = zone;
    }

    /**
     * The first review strictly after {@code epochNanos}: what the engine arms after performing the review due
     * at {@code epochNanos}, so the same review is never due twice.
     *
     * @return epoch nanoseconds of the review, or {@link #NEVER}
     */
    public long nextReviewAfter(final long epochNanos) {
        return epochNanos == Long.MAX_VALUE ? NEVER : firstReviewAtOrAfter(epochNanos + 1);
    }

    /**
     * The first review at or after {@code epochNanos}: a review scheduled exactly at that instant counts. Used
     * when a schedule starts (at engine start or when a portfolio is loaded) so a review due at the start
     * instant is not skipped.
     *
     * @return epoch nanoseconds of the review, or {@link #NEVER}
     */
    public long firstReviewAtOrAfter(final long epochNanos) {
        // Reviews two or more local days before the start's local day are over a day of local time earlier, and
        // no offset change exceeds a day (Samoa's skipped 2011-12-30 is the largest), so they are earlier instants.
        // The day before can still be later: its review time may sit in a gap that ends after the start (Toronto
        // 1919 jumped from 23:30 to 00:30), so the search starts one day back.
        long day = firstReviewDayOnOrAfter(zone.localEpochDay(epochNanos) - 1);
        while (true) { // ends: review instants never decrease from one review day to the next
            final long epochSecond = zone.toEpochSecond(day * CivilDates.SECONDS_PER_DAY + secondOfDay);
            if (epochSecond > MAX_EPOCH_SECOND) {
                return NEVER;
            }
            if (epochSecond >= MIN_EPOCH_SECOND && epochSecond * ZoneOffsetTable.NANOS_PER_SECOND >= epochNanos) {
                return epochSecond * ZoneOffsetTable.NANOS_PER_SECOND;
            }
            day = firstReviewDayOnOrAfter(day + 1);
        }
    }

    /** The first local date (epoch day) on or after {@code epochDay} that has a review. */
    private long firstReviewDayOnOrAfter(final long epochDay) {
        return switch (frequency) {
            case DAILY -> epochDay;
            case WEEKLY -> epochDay + Math.floorMod(dayOfWeek - CivilDates.dayOfWeek(epochDay), 7);
            case MONTHLY -> firstInMonthsOnOrAfter(epochDay, CivilDates.month(epochDay), 1);
            case QUARTERLY -> firstInMonthsOnOrAfter(epochDay, nextQuarterMonth(CivilDates.month(epochDay)), 3);
            case ANNUAL -> firstInMonthsOnOrAfter(epochDay, nextAnnualMonth(CivilDates.month(epochDay)), 12);
        };
    }

    /** The first month of the quarterly cycle not before {@code current}, counted from January (13 is next year). */
    private int nextQuarterMonth(final int current) {
        return current + Math.floorMod(month - current, 3);
    }

    /** The review month counted from January of the current year: this year's, or next year's once past it. */
    private int nextAnnualMonth(final int current) {
        return current <= month ? month : month + 12;
    }

    /**
     * The review day in month {@code candidateMonth} of the year of {@code epochDay} (13 and above run into the
     * next year), or, when that is before {@code epochDay}, in the month {@code monthStep} months later.
     * {@code candidateMonth} is the first review month not before the month of {@code epochDay}.
     */
    private long firstInMonthsOnOrAfter(final long epochDay, final int candidateMonth, final int monthStep) {
        final int year = CivilDates.year(epochDay);
        final long candidate = reviewDayIn(year, candidateMonth);
        return candidate >= epochDay ? candidate : reviewDayIn(year, candidateMonth + monthStep);
    }

    /** The review day of a month, counting months from January of {@code year} (13 is January next year). */
    private long reviewDayIn(final int year, final int monthFromYear) {
        final int y = year + (monthFromYear - 1) / 12;
        final int m = (monthFromYear - 1) % 12 + 1;
        final int length = CivilDates.lengthOfMonth(y, m);
        final int day = dayOfMonth == CalendarSpec.LAST_DAY ? length : Math.min(dayOfMonth, length);
        return CivilDates.daysFromCivil(y, m, day);
    }

    @Override
    public String toString() {
        return "CalendarSchedule{" + frequency + ", dow=" + dayOfWeek + ", dom=" + dayOfMonth + ", month=" + month
            + ", second=" + secondOfDay + ", " + zone.zone() + '}';
    }
}
