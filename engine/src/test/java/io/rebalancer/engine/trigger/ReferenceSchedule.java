package io.rebalancer.engine.trigger;

import io.rebalancer.engine.domain.CalendarSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

/**
 * The slow, obviously correct schedule for differential tests: walk local dates one by one with java.time, keep
 * the review days, and resolve each review time with {@link java.time.LocalDateTime#atZone}.
 */
final class ReferenceSchedule {
    private static final long NANOS = 1_000_000_000L;

    private ReferenceSchedule() {
    }

    /** The first review strictly after {@code epochNanos}. */
    static long nextReviewAfter(final CalendarSpec spec, final long epochNanos) {
        final Instant start = Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
        final LocalTime time = LocalTime.ofSecondOfDay(spec.secondOfDay());
        for (LocalDate date = LocalDate.ofInstant(start, spec.zone()).minusDays(2); ; date = date.plusDays(1)) {
            if (isReviewDay(spec, date)) {
                final Instant review = date.atTime(time).atZone(spec.zone()).toInstant();
                if (review.isAfter(start)) {
                    return Math.addExact(Math.multiplyExact(review.getEpochSecond(), NANOS), review.getNano());
                }
            }
        }
    }

    static boolean isReviewDay(final CalendarSpec spec, final LocalDate date) {
        final boolean onReviewDayOfMonth = date.getDayOfMonth() == reviewDayOfMonth(spec, YearMonth.from(date));
        return switch (spec.frequency()) {
            case DAILY -> true;
            case WEEKLY -> date.getDayOfWeek().getValue() == spec.dayOfWeek();
            case MONTHLY -> onReviewDayOfMonth;
            case QUARTERLY -> onReviewDayOfMonth && Math.floorMod(date.getMonthValue() - spec.month(), 3) == 0;
            case ANNUAL -> onReviewDayOfMonth && date.getMonthValue() == spec.month();
        };
    }

    private static int reviewDayOfMonth(final CalendarSpec spec, final YearMonth month) {
        return spec.dayOfMonth() == CalendarSpec.LAST_DAY
            ? month.lengthOfMonth() : Math.min(spec.dayOfMonth(), month.lengthOfMonth());
    }
}
