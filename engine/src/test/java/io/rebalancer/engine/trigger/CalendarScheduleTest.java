package io.rebalancer.engine.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.time.AllocationMeter;
import io.rebalancer.engine.time.ZoneOffsetTable;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarScheduleTest {
    private static final long NANOS = 1_000_000_000L;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int ANY = 1;

    @Test
    void shouldReviewDailyAtLocalTimeOfDayStrictlyAfterTheStart() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.DAILY, ANY, ANY, ANY, "16:00", ZoneOffset.UTC);
        assertEquals(nanos("2024-05-01T16:00:00Z"), schedule.nextReviewAfter(nanos("2024-05-01T10:00:00Z")));
        assertEquals(nanos("2024-05-02T16:00:00Z"), schedule.nextReviewAfter(nanos("2024-05-01T16:00:00Z")));
        assertEquals(nanos("2024-05-01T16:00:00Z"), schedule.nextReviewAfter(nanos("2024-05-01T16:00:00Z") - 1));
    }

    @Test
    void shouldCountReviewExactlyAtTheStartOnlyInFirstReviewAtOrAfter() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.DAILY, ANY, ANY, ANY, "16:00", ZoneOffset.UTC);
        assertEquals(nanos("2024-05-01T16:00:00Z"), schedule.firstReviewAtOrAfter(nanos("2024-05-01T16:00:00Z")));
        assertEquals(nanos("2024-05-02T16:00:00Z"), schedule.firstReviewAtOrAfter(nanos("2024-05-01T16:00:00Z") + 1));
    }

    @Test
    void shouldReviewWeeklyOnIsoDayOfWeekInLocalTime() {
        final CalendarSchedule friday = schedule(CalendarFrequency.WEEKLY, 5, ANY, ANY, "16:00", NEW_YORK);
        assertEquals(List.of("2024-05-03T20:00:00Z", "2024-05-10T20:00:00Z", "2024-05-17T20:00:00Z"),
            reviews(friday, "2024-05-01T12:00:00Z", 3));
        final CalendarSchedule sunday = schedule(CalendarFrequency.WEEKLY, 7, ANY, ANY, "00:00", ZoneOffset.UTC);
        assertEquals(List.of("2024-05-05T00:00:00Z", "2024-05-12T00:00:00Z"),
            reviews(sunday, "2024-05-04T23:59:59Z", 2));
    }

    @Test
    void shouldClampMonthlyReviewToLastDayOfFebruary() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.MONTHLY, ANY, 31, ANY, "12:00", ZoneOffset.UTC);
        assertEquals(List.of("2023-01-31T12:00:00Z", "2023-02-28T12:00:00Z", "2023-03-31T12:00:00Z",
            "2023-04-30T12:00:00Z"), reviews(schedule, "2023-01-15T00:00:00Z", 4));
        assertEquals(List.of("2024-02-29T12:00:00Z", "2024-03-31T12:00:00Z"),
            reviews(schedule, "2024-02-01T00:00:00Z", 2));
    }

    @Test
    void shouldReviewOnLastDayOfEveryMonthForLastDay() {
        final CalendarSchedule schedule =
            schedule(CalendarFrequency.MONTHLY, ANY, CalendarSpec.LAST_DAY, ANY, "00:00", ZoneOffset.UTC);
        assertEquals(List.of("2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-31T00:00:00Z",
            "2024-04-30T00:00:00Z", "2024-05-31T00:00:00Z", "2024-06-30T00:00:00Z", "2024-07-31T00:00:00Z",
            "2024-08-31T00:00:00Z", "2024-09-30T00:00:00Z", "2024-10-31T00:00:00Z", "2024-11-30T00:00:00Z",
            "2024-12-31T00:00:00Z", "2025-01-31T00:00:00Z", "2025-02-28T00:00:00Z"),
            reviews(schedule, "2024-01-01T00:00:00Z", 14));
    }

    @Test
    void shouldReviewMonthlyInTheNextMonthOnceThisMonthsReviewHasPassed() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.MONTHLY, ANY, 15, ANY, "09:30", NEW_YORK);
        assertEquals(List.of("2024-12-15T14:30:00Z", "2025-01-15T14:30:00Z"),
            reviews(schedule, "2024-11-15T14:30:00Z", 2));
    }

    @Test
    void shouldReviewQuarterlyInEveryThirdMonthFromTheCycleStart() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.QUARTERLY, ANY, 15, 2, "12:00", ZoneOffset.UTC);
        assertEquals(List.of("2024-02-15T12:00:00Z", "2024-05-15T12:00:00Z", "2024-08-15T12:00:00Z",
            "2024-11-15T12:00:00Z", "2025-02-15T12:00:00Z"), reviews(schedule, "2024-01-01T00:00:00Z", 5));
        assertEquals(List.of("2025-02-15T12:00:00Z"), reviews(schedule, "2024-11-15T12:00:00Z", 1));
    }

    @Test
    void shouldClampQuarterlyReviewToTheEndOfEachQuarter() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.QUARTERLY, ANY, 31, 3, "17:00", ZoneOffset.UTC);
        assertEquals(List.of("2024-03-31T17:00:00Z", "2024-06-30T17:00:00Z", "2024-09-30T17:00:00Z",
            "2024-12-31T17:00:00Z"), reviews(schedule, "2024-01-01T00:00:00Z", 4));
    }

    @Test
    void shouldReviewAnnuallyOnFebruary28WhenFebruary29DoesNotExist() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.ANNUAL, ANY, 29, 2, "12:00", ZoneOffset.UTC);
        assertEquals(List.of("2023-02-28T12:00:00Z", "2024-02-29T12:00:00Z", "2025-02-28T12:00:00Z"),
            reviews(schedule, "2023-01-01T00:00:00Z", 3));
        assertEquals(List.of("2100-02-28T12:00:00Z"), reviews(schedule, "2099-12-31T00:00:00Z", 1));
    }

    @Test
    void shouldReviewAnnuallyNextYearOnceThisYearsReviewHasPassed() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.ANNUAL, ANY, 1, 7, "00:00", ZoneOffset.UTC);
        assertEquals(List.of("2025-07-01T00:00:00Z", "2026-07-01T00:00:00Z"),
            reviews(schedule, "2024-08-01T00:00:00Z", 2));
    }

    @Test
    void shouldMoveReviewInNewYorkSpringForwardGapLaterByTheGap() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.DAILY, ANY, ANY, ANY, "02:30", NEW_YORK);
        // 02:30 EST on the 9th, 02:30 does not exist on the 10th so 03:30 EDT, then 02:30 EDT.
        assertEquals(List.of("2024-03-09T07:30:00Z", "2024-03-10T07:30:00Z", "2024-03-11T06:30:00Z"),
            reviews(schedule, "2024-03-09T00:00:00Z", 3));
    }

    @Test
    void shouldReviewOnceAtTheEarlierInstantInNewYorkFallBackOverlap() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.DAILY, ANY, ANY, ANY, "01:30", NEW_YORK);
        // 01:30 happens twice on the 3rd (EDT then EST): one review, at 01:30 EDT.
        assertEquals(List.of("2024-11-02T05:30:00Z", "2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"),
            reviews(schedule, "2024-11-02T00:00:00Z", 3));
        assertEquals(nanos("2024-11-04T06:30:00Z"), schedule.nextReviewAfter(nanos("2024-11-03T06:15:00Z")));
    }

    @Test
    void shouldKeepLocalTimeOfDayAcrossNewYorkDstChanges() {
        final CalendarSchedule schedule = schedule(CalendarFrequency.WEEKLY, 1, ANY, ANY, "09:30", NEW_YORK);
        assertEquals(List.of("2024-03-04T14:30:00Z", "2024-03-11T13:30:00Z"),
            reviews(schedule, "2024-03-01T00:00:00Z", 2));
        assertEquals(List.of("2024-10-28T13:30:00Z", "2024-11-04T14:30:00Z"),
            reviews(schedule, "2024-10-25T00:00:00Z", 2));
    }

    @Test
    void shouldReadTheReviewDateInTheSpecZoneNotUtc() {
        final CalendarSchedule schedule =
            schedule(CalendarFrequency.MONTHLY, ANY, 1, ANY, "00:00", ZoneId.of("Australia/Sydney"));
        // Midnight July 1 AEST is June 30 14:00 UTC.
        assertEquals(nanos("2024-06-30T14:00:00Z"), schedule.nextReviewAfter(nanos("2024-06-30T13:59:59Z")));
        assertEquals(nanos("2024-07-31T14:00:00Z"), schedule.nextReviewAfter(nanos("2024-06-30T14:00:00Z")));
    }

    @Test
    void shouldWorkAtTheEndsOfTheEpochNanosecondRange() {
        final CalendarSchedule midnight = schedule(CalendarFrequency.DAILY, ANY, ANY, ANY, "00:00", ZoneOffset.UTC);
        assertEquals(nanos("1677-09-22T00:00:00Z"), midnight.firstReviewAtOrAfter(Long.MIN_VALUE));
        assertEquals(CalendarSchedule.NEVER, midnight.nextReviewAfter(nanos("2262-04-11T00:00:00Z")));
        assertEquals(CalendarSchedule.NEVER, midnight.nextReviewAfter(Long.MAX_VALUE));
        assertEquals(nanos("1970-01-01T00:00:00Z"), midnight.nextReviewAfter(-1L));
        assertEquals(nanos("1969-12-31T00:00:00Z"), midnight.nextReviewAfter(nanos("1969-12-30T23:59:59Z")));
    }

    @Test
    void shouldRejectAnOffsetTableBuiltForAnotherZone() {
        final CalendarSpec spec = new CalendarSpec(CalendarFrequency.DAILY, ANY, ANY, ANY, 0, NEW_YORK);
        assertThrows(IllegalArgumentException.class,
            () -> new CalendarSchedule(spec, ZoneOffsetTable.of(ZoneId.of("Europe/London"))));
        assertEquals(nanos("2024-05-02T04:00:00Z"),
            new CalendarSchedule(spec, ZoneOffsetTable.of(NEW_YORK)).nextReviewAfter(nanos("2024-05-01T12:00:00Z")));
    }

    @Test
    void shouldNotAllocateWhenComputingTheNextReview() {
        final CalendarSchedule[] schedules = {
            schedule(CalendarFrequency.DAILY, ANY, ANY, ANY, "02:30", NEW_YORK),
            schedule(CalendarFrequency.WEEKLY, 5, ANY, ANY, "16:00", NEW_YORK),
            schedule(CalendarFrequency.MONTHLY, ANY, CalendarSpec.LAST_DAY, ANY, "16:00", ZoneId.of("Europe/London")),
            schedule(CalendarFrequency.QUARTERLY, ANY, 31, 3, "00:00", ZoneOffset.UTC),
            schedule(CalendarFrequency.ANNUAL, ANY, 29, 2, "09:00", ZoneId.of("Australia/Sydney")),
        };
        final long start = nanos("2020-01-01T00:00:00Z");
        final long step = 3_600_007_919L;
        final long allocated = AllocationMeter.fewestBytesAllocated(() -> {
            long sum = 0;
            for (int i = 0; i < 1_000_000; i++) {
                sum += schedules[i % schedules.length].nextReviewAfter(start + i * step);
            }
            return sum;
        }, 3);
        assertEquals(0L, allocated, "bytes allocated by 1,000,000 calls, fewest of three runs");
    }

    static CalendarSchedule schedule(final CalendarFrequency frequency, final int dayOfWeek, final int dayOfMonth,
        final int month, final String localTime, final ZoneId zone) {
        return new CalendarSchedule(new CalendarSpec(frequency, dayOfWeek, dayOfMonth, month,
            LocalTime.parse(localTime).toSecondOfDay(), zone));
    }

    static long nanos(final String instant) {
        final Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * NANOS + parsed.getNano();
    }

    /** The next {@code count} reviews after {@code start}, each found from the previous one, as ISO instants. */
    private static List<String> reviews(final CalendarSchedule schedule, final String start, final int count) {
        final List<String> result = new ArrayList<>();
        long time = nanos(start);
        for (int i = 0; i < count; i++) {
            time = schedule.nextReviewAfter(time);
            result.add(Instant.ofEpochSecond(Math.floorDiv(time, NANOS), Math.floorMod(time, NANOS)).toString());
        }
        return result;
    }
}
