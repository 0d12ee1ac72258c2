package io.rebalancer.marketdata;

import io.rebalancer.marketdata.edge.MarketDataEdge;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link FeedSource} into a {@link MarketDataEdge} on the caller's thread until the source finishes or a
 * stop is asked for, then flushes the edge so every tick that waited for room reaches the ring. While the source has
 * nothing due (it parks on its pacing inside {@link FeedSource#poll}), the edge is drained between polls.
 */
public final class FeedRunner {
    /** Ticks per poll: small enough to check for a stop and drain often, big enough to amortise the check. */
    public static final int CHUNK = 256;
    private static final long FLUSH_TIMEOUT_SECONDS = 10;

    private FeedRunner() {
    }

    /**
     * @param stop asked before every poll; true ends the run early
     * @return ticks delivered to the edge
     */
    public static long run(final FeedSource source, final MarketDataEdge edge, final BooleanSupplier stop) {
        long delivered = 0;
        while (!source.finished() && !stop.getAsBoolean()) {
            final int ticks = source.poll(edge, CHUNK);
            delivered += ticks;
            if (ticks == 0) {
                edge.drain();
            }
        }
        edge.flush(FLUSH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return delivered;
    }
}
