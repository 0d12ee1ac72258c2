package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.CalendarSpec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Review instants the slow way: walk the local dates of the calendar's zone one by one with java.time, keep the
 * review days, and place the review time on each with {@link ZonedDateTime#of}, which moves a time in a DST gap
 * later by the gap and takes the earlier of two instants in an overlap.
 */
final class ReferenceCalendar {
    private static final long NANOS = 1_000_000_000L;

    private final CalendarSpec spec;

    ReferenceCalendar(final CalendarSpec spec) {
        this.spec = spec;
    }

    /** The first review at or after {@code epochNanos}. */
    long firstReviewAtOrAfter(final long epochNanos) {
        final Instant start = Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
        final LocalTime time = LocalTime.ofSecondOfDay(spec.secondOfDay());
        for (LocalDate date = LocalDate.ofInstant(start, spec.zone()).minusDays(1); ; date = date.plusDays(1)) {
            if (isReviewDay(date)) {
                final Instant review = ZonedDateTime.of(date, time, spec.zone()).toInstant();
                if (!review.isBefore(start)) {
                    return review.getEpochSecond() * NANOS + review.getNano();
                }
            }
        }
    }

    private boolean isReviewDay(final LocalDate date) {
        final int reviewDayOfMonth = spec.dayOfMonth() == CalendarSpec.LAST_DAY
            ? date.lengthOfMonth() : Math.min(spec.dayOfMonth(), date.lengthOfMonth());
        return switch (spec.frequency()) {
            case DAILY -> true;
            case WEEKLY -> date.getDayOfWeek().getValue() == spec.dayOfWeek();
            case MONTHLY -> date.getDayOfMonth() == reviewDayOfMonth;
            case QUARTERLY -> date.getDayOfMonth() == reviewDayOfMonth
                && Math.floorMod(date.getMonthValue() - spec.month(), 3) == 0;
            case ANNUAL -> date.getDayOfMonth() == reviewDayOfMonth && date.getMonthValue() == spec.month();
        };
    }
}
