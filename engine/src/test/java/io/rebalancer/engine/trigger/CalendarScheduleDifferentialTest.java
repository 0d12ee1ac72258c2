package io.rebalancer.engine.trigger;

import io.rebalancer.engine.TestSeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.time.ZoneOffsetTable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link CalendarSchedule} against {@link ReferenceSchedule}, the day-by-day java.time walk. */
class CalendarScheduleDifferentialTest {
    /** Random seed; rerun a failure with {@code -Drebalancer.test.seed=<seed from the message>}. */
    private static final long SEED = TestSeeds.seed("rebalancer.test.seed", 20_261_125L);
    private static final long NANOS = 1_000_000_000L;
    /** The usual zones plus ones with half-hour DST, midnight DST, a skipped day, a 2-hour DST, negative DST. */
    private static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/London",
        "Australia/Sydney", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Apia",
        "America/Sao_Paulo", "Antarctica/Troll", "Europe/Dublin", "Pacific/Chatham", "Asia/Kathmandu");
    /** Local times near where zones change their clocks, so random specs often hit gaps and overlaps. */
    private static final int[] DST_PRONE_SECONDS = {0, 1_800, 3_599, 3_600, 5_400, 7_200, 9_000, 10_800, 86_399};
    /** {@link #ZONES} and two with gaps or overlaps across local midnight (Toronto 1919, Goose Bay 00:01). */
    private static final List<String> TRANSITION_ZONES = Stream.concat(ZONES.stream(),
        Stream.of("America/Toronto", "America/Goose_Bay")).collect(Collectors.toList());
    private static final long FIRST_TRANSITION = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long FIRST_START = LocalDateTime.of(1950, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_START = LocalDateTime.of(2150, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    @Test
    void shouldMatchReferenceForRandomSpecsAndStartInstants() {
        final Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            final CalendarSpec spec = randomSpec(random);
            final CalendarSchedule schedule = new CalendarSchedule(spec);
            final long start = (FIRST_START + (long)(random.nextDouble() * (LAST_START - FIRST_START))) * NANOS
                + (random.nextBoolean() ? 0 : random.nextInt((int)NANOS));
            assertChainMatchesReference(spec, schedule, start, 3);
        }
    }

    @Test
    void shouldMatchReferenceForDailyReviewsAroundEveryTransition() {
        final Random random = new Random(SEED);
        for (final String id : TRANSITION_ZONES) {
            final ZoneId zone = ZoneId.of(id);
            final ZoneOffsetTable table = ZoneOffsetTable.of(zone);
            final ZoneRules rules = zone.getRules();
            ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(FIRST_TRANSITION));
            while (transition != null && transition.toEpochSecond() < LAST_START) {
                final long at = transition.toEpochSecond();
                final long width = Math.abs(transition.getDuration().getSeconds());
                // Local time where the gap or overlap begins, whichever side of the transition that is.
                final long windowStart = at + Math.min(transition.getOffsetBefore().getTotalSeconds(),
                    transition.getOffsetAfter().getTotalSeconds());
                for (final long reviewDelta : new long[] {-1, 0, width / 2, width - 1, width}) {
                    final int secondOfDay = (int)Math.floorMod(windowStart + reviewDelta, 86_400L);
                    final CalendarSpec spec = new CalendarSpec(CalendarFrequency.DAILY, 1, 1, 1, secondOfDay, zone);
                    final CalendarSchedule schedule = new CalendarSchedule(spec, table);
                    for (final long startDelta : new long[] {-86_400 - random.nextInt(86_400), -1, 0, width / 2,
                        width - 1}) {
                        assertChainMatchesReference(spec, schedule, (at + startDelta) * NANOS, 2);
                    }
                }
                transition = rules.nextTransition(transition.getInstant());
            }
        }
    }

    /**
     * Follows {@code count} reviews from {@code start}, each from the previous one, checking both methods and
     * the instants next to each review so that "strictly after" and "at or after" are exercised at the boundary.
     */
    private static void assertChainMatchesReference(final CalendarSpec spec, final CalendarSchedule schedule,
        final long start, final int count) {
        long time = start;
        for (int i = 0; i < count; i++) {
            final long expected = ReferenceSchedule.nextReviewAfter(spec, time);
            final long actual = schedule.nextReviewAfter(time);
            if (expected != actual) {
                assertEquals(instant(expected), instant(actual),
                    spec + " after " + instant(time) + " (" + time + " ns), seed " + SEED);
            }
            final String where = spec + " review " + instant(expected) + ", seed " + SEED;
            assertEquals(expected, schedule.firstReviewAtOrAfter(expected), where);
            assertEquals(expected, schedule.firstReviewAtOrAfter(expected - 1), where);
            assertEquals(expected, schedule.nextReviewAfter(expected - 1), where);
            assertEquals(ReferenceSchedule.nextReviewAfter(spec, expected), schedule.firstReviewAtOrAfter(expected + 1),
                where);
            time = expected;
        }
    }

    private static CalendarSpec randomSpec(final Random random) {
        final CalendarFrequency[] frequencies = CalendarFrequency.values();
        final CalendarFrequency frequency = frequencies[random.nextInt(frequencies.length)];
        final int dayOfMonth = switch (random.nextInt(4)) {
            case 0 -> CalendarSpec.LAST_DAY;
            case 1 -> 28 + random.nextInt(4);
            default -> 1 + random.nextInt(31);
        };
        final int month = frequency == CalendarFrequency.QUARTERLY ? 1 + random.nextInt(3) : 1 + random.nextInt(12);
        final int secondOfDay = random.nextBoolean()
            ? random.nextInt(86_400) : DST_PRONE_SECONDS[random.nextInt(DST_PRONE_SECONDS.length)];
        return new CalendarSpec(frequency, 1 + random.nextInt(7), dayOfMonth, month, secondOfDay,
            ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))));
    }

    private static Instant instant(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
    }
}
