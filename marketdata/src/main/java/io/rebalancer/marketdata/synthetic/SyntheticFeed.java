package io.rebalancer.marketdata.synthetic;

import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.TickSink;

/**
 * The synthetic market as a polled source: a given number of ticks, as fast as they are polled (pace it from
 * outside; its event time is simulated and runs as fast as the engine keeps up).
 */
public final class SyntheticFeed implements FeedSource {
    private final SyntheticMarket market;
    private final long ticks;
    private final String description;

    /**
     * @param ticks       how many ticks the feed delivers before it is finished
     * @param description for people, e.g. the seed and the tick interval
     */
    public SyntheticFeed(final SyntheticMarket market, final long ticks, final String description) {
        this.market = market;
        this.ticks = ticks;
        this.description = description;
    }

    @Override
    public int poll(final TickSink sink, final int limit) {
        final int count = (int)Math.min(limit, ticks - market.ticksPublished());
        for (int i = 0; i < count; i++) {
            market.publishNext(sink);
        }
        return Math.max(0, count);
    }

    @Override
    public boolean finished() {
        return market.ticksPublished() >= ticks;
    }

    @Override
    public String describe() {
        return description;
    }

    public SyntheticMarket market() {
        return market;
    }

    @Override
    public void close() {
    }
}
