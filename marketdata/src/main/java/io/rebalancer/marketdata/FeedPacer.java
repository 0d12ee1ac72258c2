package io.rebalancer.marketdata;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays event time at a speed factor of wall time: the first tick sets the origin, and a tick {@code d} of event
 * time later is due {@code d / speed} of wall time later. A speed of 0 means as fast as the ring takes the ticks.
 * A source that fell behind (the engine held it back) does not burst to catch up: lateness beyond one
 * {@link #MAX_PARK_NANOS} moves the origin on. Parks, never spins; allocation-free; one thread.
 */
public final class FeedPacer {
    /** The longest one {@link #awaitDue} parks, so a source can drain its edge and check for a stop meanwhile. */
    public static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final double speed;
    private boolean started;
    private long originEventNanos;
    private long originWallNanos;

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
            originEventNanos = eventNanos;
            originWallNanos = now;
            return true;
        }
        final long due = originWallNanos + (long)((eventNanos - originEventNanos) / speed);
        final long wait = due - now;
        if (wait <= 0) {
            if (-wait > MAX_PARK_NANOS) {
                // Held back: carry on from here at the same speed rather than race through what was missed.
                originEventNanos = eventNanos;
                originWallNanos = now;
            }
            return true;
        }
        LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
        return false;
    }

    public double speed() {
        return speed;
    }
}
