package io.rebalancer.marketdata;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays event time at a speed factor of wall time: the first tick sets the origin, and a tick {@code d} of event
 * time later is due {@code d / speed} of wall time later. A speed of 0 means as fast as the ring takes the ticks.
 * A source that fell behind (the engine held it back) does not burst to catch up: lateness beyond one
 * {@link #MAX_PARK_NANOS} moves the origin on. Times come before the edge judges them, so a bad one must not stall
 * the replay: an earlier time is due at once, and a leap beyond {@link #MAX_LEAP_NANOS} moves the pace only when the
 * next tick confirms it. Parks, never spins; allocation-free; one thread.
 */
public final class FeedPacer {
    /** The longest one {@link #awaitDue} parks, so a source can drain its edge and check for a stop meanwhile. */
    public static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * The most event time one tick may move the pace on by: a week, more than any market closes. Further, the tick is
     * due at once and the pace follows only when the next tick confirms the leap.
     */
    public static final long MAX_LEAP_NANOS = TimeUnit.DAYS.toNanos(7);

    private final double speed;
    private boolean started;
    private long originEventNanos;
    private long originWallNanos;
    /** The latest event time paced: earlier times are due at once. */
    private long latest;
    /** A leap waiting for a second tick near it, Long.MIN_VALUE when none. */
    private long leapAt = Long.MIN_VALUE;

    /** @param speed event time per unit of wall time (1 real time, 60 a minute per second); 0 for full speed */
    public FeedPacer(final double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (full speed) or a positive factor, not " + speed);
        }
        this.speed = speed;
    }

    /** Full speed: every tick is due at once. */
    public static FeedPacer fullSpeed() {
        return new FeedPacer(0);
    }

    /**
     * Waits until a tick of event time {@code eventNanos} is due, for at most {@link #MAX_PARK_NANOS}.
     *
     * @return true when it is due (send it), false when the caller should call again
     */
    public boolean awaitDue(final long eventNanos) {
        if (speed == 0) {
            return true;
        }
        final long now = System.nanoTime();
        if (!started) {
            started = true;
            anchor(eventNanos, now);
            return true;
        }
        if (eventNanos < latest) {
            // Earlier than what was already paced (a bad time the edge will refuse, or a late tick): due now, and
            // the pace goes on from the latest, so one outlier cannot stall the replay.
            return true;
        }
        if (eventNanos - latest > MAX_LEAP_NANOS) {
            // A leap: a bad time, or the feed really moved on. Due now; only a second tick near it moves the pace
            // there, so a single tick dated years ahead cannot park the replay for years.
            if (leapAt != Long.MIN_VALUE && eventNanos >= leapAt && eventNanos - leapAt <= MAX_LEAP_NANOS) {
                anchor(eventNanos, now);
            } else {
                leapAt = eventNanos;
            }
            return true;
        }
        leapAt = Long.MIN_VALUE;
        final long due = originWallNanos + (long)((eventNanos - originEventNanos) / speed);
        final long wait = due - now;
        if (wait <= 0) {
            if (-wait > MAX_PARK_NANOS) {
                // Held back: carry on from here at the same speed rather than race through what was missed.
                anchor(eventNanos, now);
            }
            // Not earlier than latest: that returned above.
            latest = eventNanos;
            return true;
        }
        LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
        return false;
    }

    private void anchor(final long eventNanos, final long wallNanos) {
        originEventNanos = eventNanos;
        originWallNanos = wallNanos;
        latest = eventNanos;
        leapAt = Long.MIN_VALUE;
    }

    /** For a source's {@code describe()}: {@code "full speed"}, {@code "60x"} or {@code "0.5x"}; allocates. */
    public String describeSpeed() {
        if (speed == 0) {
            return "full speed";
        }
        // Whole factors print without ".0"; past 1e15 a double's digits are no longer a plain whole number.
        return (speed == Math.rint(speed) && speed < 1e15 ? Long.toString((long)speed) : Double.toString(speed)) + "x";
    }
}
