package io.rebalancer.engine.time;

import io.rebalancer.engine.TestSeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZoneOffsetTableTest {
    /** Random seed; rerun a failure with {@code -Drebalancer.test.seed=<seed from the message>}. */
    private static final long SEED = TestSeeds.seed("rebalancer.test.seed", 20_261_127L);
    private static final List<String> ZONES =
        List.of("UTC", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata");
    private static final long FIRST_SECOND = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long END_SECOND = LocalDateTime.of(2201, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long NANOS = ZoneOffsetTable.NANOS_PER_SECOND;

    @Test
    void shouldMatchJavaTimeOffsetsAndLocalDatesAtRandomInstants() {
        final Random random = new Random(SEED);
        for (final String id : ZONES) {
            final ZoneId zone = ZoneId.of(id);
            final ZoneOffsetTable table = ZoneOffsetTable.of(zone);
            for (int i = 0; i < 200_000; i++) {
                final long epochNanos = randomNanos(random);
                assertInstant(zone, table, epochNanos);
            }
        }
    }

    @Test
    void shouldMatchJavaTimeAroundEveryTransition() {
        for (final String id : ZONES) {
            final ZoneId zone = ZoneId.of(id);
            final ZoneOffsetTable table = ZoneOffsetTable.of(zone);
            for (final ZoneOffsetTransition transition : transitions(zone)) {
                final long at = transition.toEpochSecond();
                for (long delta = -2; delta <= 2; delta++) {
                    assertInstant(zone, table, (at + delta) * NANOS);
                }
                assertInstant(zone, table, at * NANOS - 1);
                final long localBefore = at + transition.getOffsetBefore().getTotalSeconds();
                final long localAfter = at + transition.getOffsetAfter().getTotalSeconds();
                for (long local = Math.min(localBefore, localAfter) - 7_200;
                    local <= Math.max(localBefore, localAfter) + 7_200; local += 900) {
                    for (long delta = -1; delta <= 1; delta++) {
                        assertLocal(zone, table, local + delta);
                    }
                }
            }
        }
    }

    @Test
    void shouldResolveRandomLocalTimesAsZonedDateTimeOf() {
        final Random random = new Random(SEED);
        for (final String id : ZONES) {
            final ZoneId zone = ZoneId.of(id);
            final ZoneOffsetTable table = ZoneOffsetTable.of(zone);
            for (int i = 0; i < 100_000; i++) {
                assertLocal(zone, table, FIRST_SECOND + 86_400 + (long)(random.nextDouble() * (END_SECOND
                    - FIRST_SECOND - 2 * 86_400)));
            }
        }
    }

    @Test
    void shouldMatchJavaTimeInEveryAvailableZone() {
        final Random random = new Random(SEED);
        for (final String id : ZoneId.getAvailableZoneIds()) {
            final ZoneId zone = ZoneId.of(id);
            final ZoneOffsetTable table = ZoneOffsetTable.of(zone);
            for (int i = 0; i < 300; i++) {
                assertInstant(zone, table, randomNanos(random));
            }
            for (final ZoneOffsetTransition transition : transitions(zone)) {
                final long local = transition.toEpochSecond() + transition.getOffsetBefore().getTotalSeconds();
                final long gapOrOverlap = transition.getDuration().getSeconds();
                assertLocal(zone, table, local - 1);
                assertLocal(zone, table, local);
                assertLocal(zone, table, local + gapOrOverlap / 2);
                assertLocal(zone, table, local + gapOrOverlap - 1);
                assertLocal(zone, table, local + gapOrOverlap);
                assertLocal(zone, table, local - gapOrOverlap);
            }
        }
    }

    @Test
    void shouldMoveLocalTimeInNewYorkSpringForwardGapLaterByTheGap() {
        final ZoneOffsetTable table = ZoneOffsetTable.of(ZoneId.of("America/New_York"));
        final long local = LocalDateTime.of(2024, 3, 10, 2, 30).toEpochSecond(ZoneOffset.UTC);
        assertEquals(Instant.parse("2024-03-10T07:30:00Z").getEpochSecond(), table.toEpochSecond(local));
    }

    @Test
    void shouldTakeEarlierInstantInNewYorkFallBackOverlap() {
        final ZoneOffsetTable table = ZoneOffsetTable.of(ZoneId.of("America/New_York"));
        final long local = LocalDateTime.of(2024, 11, 3, 1, 30).toEpochSecond(ZoneOffset.UTC);
        assertEquals(Instant.parse("2024-11-03T05:30:00Z").getEpochSecond(), table.toEpochSecond(local));
        assertEquals(-4 * 3_600, table.offsetSecondsAt(Instant.parse("2024-11-03T05:59:59Z").getEpochSecond()));
        assertEquals(-5 * 3_600, table.offsetSecondsAt(Instant.parse("2024-11-03T06:00:00Z").getEpochSecond()));
    }

    @Test
    void shouldTreatUtcAsFixedOffsetWithoutTransitions() {
        final ZoneOffsetTable table = ZoneOffsetTable.of(ZoneId.of("UTC"));
        assertEquals(0, table.transitionCount());
        assertEquals(0, table.offsetSecondsAt(Long.MIN_VALUE));
        assertEquals(12_345L, table.toEpochSecond(12_345L));
    }

    @Test
    void shouldFloorInstantsBefore1970ToThePreviousSecondAndDay() {
        final ZoneOffsetTable utc = ZoneOffsetTable.of(ZoneOffset.UTC);
        assertEquals(-1L, utc.localEpochSecond(-1L));
        assertEquals(-1L, utc.localEpochDay(-1L));
        assertEquals(0L, utc.localEpochDay(0L));
        assertEquals(-2L, utc.localEpochDay(-86_400L * NANOS - 1));
        final ZoneOffsetTable kolkata = ZoneOffsetTable.of(ZoneId.of("Asia/Kolkata"));
        assertEquals(-1L, kolkata.localEpochDay(-19_800L * NANOS - 1));
        assertEquals(0L, kolkata.localEpochDay(-19_800L * NANOS));
    }

    @Test
    void shouldNotAllocateWhenReadingLocalTime() {
        final ZoneOffsetTable table = ZoneOffsetTable.of(ZoneId.of("America/New_York"));
        final ZoneOffsetTable utc = ZoneOffsetTable.of(ZoneOffset.UTC);
        final long start = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() * NANOS;
        final long step = 3_600_007_919L;
        final long allocated = AllocationMeter.fewestBytesAllocated(() -> {
            long sum = 0;
            for (int i = 0; i < 1_000_000; i++) {
                sum += readLocalTime(table, utc, start + i * step);
            }
            return sum;
        }, 3);
        assertEquals(0L, allocated, "bytes allocated by 1,000,000 reads, fewest of three runs");
    }

    private static long readLocalTime(final ZoneOffsetTable table, final ZoneOffsetTable utc, final long nanos) {
        return table.localEpochDay(nanos) + table.toEpochSecond(table.localEpochSecond(nanos))
            + utc.localEpochDay(nanos) + utc.toEpochSecond(nanos / NANOS);
    }

    private static long randomNanos(final Random random) {
        // 1900..2200 is inside the +-292 years an epoch-nanosecond long can hold.
        final long second = FIRST_SECOND + (long)(random.nextDouble() * (END_SECOND - FIRST_SECOND));
        return second * NANOS + random.nextInt((int)NANOS);
    }

    private static List<ZoneOffsetTransition> transitions(final ZoneId zone) {
        final ZoneRules rules = zone.getRules();
        final List<ZoneOffsetTransition> result = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(FIRST_SECOND));
        while (next != null && next.toEpochSecond() < END_SECOND) {
            result.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        return result;
    }

    private static void assertInstant(final ZoneId zone, final ZoneOffsetTable table, final long epochNanos) {
        final Instant instant =
            Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
        final int offset = zone.getRules().getOffset(instant).getTotalSeconds();
        final LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (offset != table.offsetSecondsAt(instant.getEpochSecond())
            || local.toEpochSecond(ZoneOffset.UTC) != table.localEpochSecond(epochNanos)
            || local.toLocalDate().toEpochDay() != table.localEpochDay(epochNanos)) {
            assertEquals(offset + " " + local, table.offsetSecondsAt(instant.getEpochSecond()) + " "
                + LocalDateTime.ofEpochSecond(table.localEpochSecond(epochNanos), 0, ZoneOffset.UTC)
                + " day " + table.localEpochDay(epochNanos),
                zone + " at " + instant + " (" + epochNanos + " ns), seed " + SEED);
        }
    }

    private static void assertLocal(final ZoneId zone, final ZoneOffsetTable table, final long localSecond) {
        final LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
        final long expected = ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
        assertEquals(local.atZone(zone).toEpochSecond(), expected);
        if (expected != table.toEpochSecond(localSecond)) {
            assertEquals(Instant.ofEpochSecond(expected), Instant.ofEpochSecond(table.toEpochSecond(localSecond)),
                zone + " local " + local + ", seed " + SEED);
        }
    }
}
