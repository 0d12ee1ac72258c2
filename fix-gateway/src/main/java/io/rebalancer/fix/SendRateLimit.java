package io.rebalancer.fix;

import java.util.Arrays;

/**
 * At most {@code perSecond} messages in any one-second window: a send is allowed when the send {@code perSecond}
 * sends ago is at least a second old. The last {@code perSecond} send times live in a ring allocated once, so
 * asking and recording allocate nothing. Time is whatever clock the caller reads (the gateway agent's), so a test
 * can drive it. Zero means unlimited. Gateway thread only.
 */
final class SendRateLimit {
    /** Venues state their limits per second. */
    static final long WINDOW_NANOS = 1_000_000_000L;
    /** The largest limit accepted: the ring costs 8 bytes per message of budget. */
    static final int MAX_PER_SECOND = 1_000_000;

    private final long[] sendTimes;
    private int oldest;

    /** @param perSecond messages per second, 0 for unlimited */
    SendRateLimit(final int perSecond) {
        if (perSecond < 0 || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("messages per second must be 0 (unlimited) to " + MAX_PER_SECOND
                + ": " + perSecond);
        }
        sendTimes = new long[perSecond];
        Arrays.fill(sendTimes, Long.MIN_VALUE);
    }

    boolean unlimited() {
        return sendTimes.length == 0;
    }

    /** How many of {@code wanted} messages may go now, at {@code nowNanos}. */
    int available(final long nowNanos, final int wanted) {
        if (unlimited()) {
            return wanted;
        }
        final long windowStart = nowNanos - WINDOW_NANOS;
        final int max = Math.min(wanted, sendTimes.length);
        int free = 0;
        int at = oldest;
        while (free < max && sendTimes[at] <= windowStart) {
            free++;
            at = at + 1 == sendTimes.length ? 0 : at + 1;
        }
        return free;
    }

    /** One message went at {@code nowNanos}; call only after {@link #available} allowed it. */
    void sent(final long nowNanos) {
        if (!unlimited()) {
            sendTimes[oldest] = nowNanos;
            oldest = oldest + 1 == sendTimes.length ? 0 : oldest + 1;
        }
    }
}
