package io.rebalancer.engine.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A time zone's UTC offsets from 1900 through 2200 in primitive arrays, so that the engine can turn an event
 * timestamp into local time, and a local time back into an instant, without allocating.
 * <p>
 * {@link ZoneRules} answers the same questions but creates {@link Instant}s, {@link java.time.LocalDateTime}s
 * and offset lists per call, and for recent years computes transitions from rules on the fly. Here every
 * transition is computed once, in {@link #of(ZoneId)}, and each query is a binary search over a few hundred
 * longs; a zone without transitions (UTC, fixed offsets) answers with one array load. Instances are immutable,
 * so one table may be shared by all threads and schedules that use the zone.
 * <p>
 * Outside the covered range the offset is clamped: instants before 1900 get the offset in force on
 * 1900-01-01 and instants after 2200 the offset after the last transition of 2200. The table therefore
 * follows tzdb as compiled into the running JDK at the time it is built.
 */
public final class ZoneOffsetTable {
    /** Nanoseconds per second, for converting epoch-nanosecond timestamps. */
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** First year whose transitions are in the table. */
    public static final int FIRST_YEAR = 1900;
    /** Last year whose transitions are in the table. */
    public static final int LAST_YEAR = 2200;

    private static final long FIRST_EPOCH_SECOND =
        CivilDates.daysFromCivil(FIRST_YEAR, 1, 1) * CivilDates.SECONDS_PER_DAY;
    private static final long END_EPOCH_SECOND =
        CivilDates.daysFromCivil(LAST_YEAR + 1, 1, 1) * CivilDates.SECONDS_PER_DAY;

    private final ZoneId zone;
    /** Instants (epoch seconds) at which the offset changes, ascending. */
    private final long[] transitionEpochSeconds;
    /** {@code offsetSeconds[0]} applies before the first transition, {@code offsetSeconds[i + 1]} from transition i. */
    private final int[] offsetSeconds;
    /**
     * For transition i, the first local time (seconds since local 1970-01-01T00:00) read with the offset after
     * it: the end of its gap or of its overlap. Local times before it in a gap or overlap use the offset before.
     */
    private final long[] localThresholds;

    private ZoneOffsetTable(final ZoneId zone, final long[] transitionEpochSeconds, final int[] offsetSeconds,
        final long[] localThresholds) {
        this.zone = zone;
        this.transitionEpochSeconds = transitionEpochSeconds;
        this.offsetSeconds = offsetSeconds;
        this.localThresholds = localThresholds;
    }

    /**
     * Builds the table for {@code zone}, walking {@link ZoneRules#nextTransition(Instant)} from 1900 to the end
     * of 2200. Allocates; call once per zone at configuration time, never on the engine thread's hot path.
     *
     * @throws IllegalArgumentException if the gap or overlap of one transition reaches into the next one's,
     *                                  which tzdb does not contain and {@link #toEpochSecond} could not resolve
     */
    public static ZoneOffsetTable of(final ZoneId zone) {
        final ZoneRules rules = zone.getRules();
        final List<ZoneOffsetTransition> transitions = new ArrayList<>();
        Instant cursor = Instant.ofEpochSecond(FIRST_EPOCH_SECOND);
        final int initialOffset = rules.getOffset(cursor).getTotalSeconds();
        for (ZoneOffsetTransition next = rules.nextTransition(cursor);
            next != null && next.toEpochSecond() < END_EPOCH_SECOND;
            next = rules.nextTransition(cursor)) {
            transitions.add(next);
            cursor = next.getInstant();
        }

        final int count = transitions.size();
        final long[] instants = new long[count];
        final int[] offsets = new int[count + 1];
        final long[] thresholds = new long[count];
        offsets[0] = initialOffset;
        for (int i = 0; i < count; i++) {
            final ZoneOffsetTransition transition = transitions.get(i);
            final int before = offsets[i];
            final int after = transition.getOffsetAfter().getTotalSeconds();
            instants[i] = transition.toEpochSecond();
            offsets[i + 1] = after;
            thresholds[i] = instants[i] + Math.max(before, after);
            if (i > 0 && instants[i] + Math.min(before, after) < thresholds[i - 1]) {
                throw new IllegalArgumentException("zone " + zone + " has transitions at epoch seconds "
                    + instants[i - 1] + " and " + instants[i] + " whose gaps or overlaps intersect");
            }
        }
        return new ZoneOffsetTable(zone, instants, offsets, thresholds);
    }

    /** The zone this table was built from. */
    public ZoneId zone() {
        return zone;
    }

    /** Number of offset transitions in the covered years; 0 for UTC and other fixed-offset zones. */
    int transitionCount() {
        return transitionEpochSeconds.length;
    }

    /** The UTC offset in seconds in force at an instant; a transition's own instant already has the new offset. */
    public int offsetSecondsAt(final long epochSecond) {
        if (transitionEpochSeconds.length == 0) {
            return offsetSeconds[0];
        }
        return offsetSeconds[countAtOrBelow(transitionEpochSeconds, epochSecond)];
    }

    /** Local time of an event timestamp, as seconds since local 1970-01-01T00:00 (floored, so -1 ns is -1 s). */
    public long localEpochSecond(final long epochNanos) {
        final long epochSecond = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        return epochSecond + offsetSecondsAt(epochSecond);
    }

    /** Local date of an event timestamp, as an epoch day for {@link CivilDates}; floored for instants before 1970. */
    public long localEpochDay(final long epochNanos) {
        return Math.floorDiv(localEpochSecond(epochNanos), CivilDates.SECONDS_PER_DAY);
    }

    /**
     * The instant (epoch seconds) of a local date-time given as seconds since local 1970-01-01T00:00, resolved
     * as {@link java.time.ZonedDateTime#of(java.time.LocalDateTime, ZoneId)} does so that schedules agree with
     * java.time: a local time in a gap (spring forward) moves later by the length of the gap, that is it is read
     * with the offset before the gap; a local time in an overlap (fall back) takes the earlier of its two
     * instants, which is also the offset before the transition.
     */
    public long toEpochSecond(final long localEpochSecond) {
        if (localThresholds.length == 0) {
            return localEpochSecond - offsetSeconds[0];
        }
        return localEpochSecond - offsetSeconds[countAtOrBelow(localThresholds, localEpochSecond)];
    }

    @Override
    public String toString() {
        return "ZoneOffsetTable{" + zone + ", transitions=" + transitionEpochSeconds.length + '}';
    }

    /** How many elements of the ascending {@code values} are {@code <= key}: an upper-bound binary search. */
    private static int countAtOrBelow(final long[] values, final long key) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            final int mid = (low + high) >>> 1;
            if (values[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
