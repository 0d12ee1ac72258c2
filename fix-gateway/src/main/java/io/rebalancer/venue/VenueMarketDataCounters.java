package io.rebalancer.venue;

import java.util.concurrent.atomic.AtomicLongArray;

/** What the venue's market-data side did, as counters any thread may read. */
public final class VenueMarketDataCounters {
    /** MarketDataRequests (35=V) received, whatever became of them (QFJ thread). */
    public static final int REQUESTS = 0;
    /** MarketDataSnapshotFullRefresh messages (35=W) sent, one per symbol of a request (agent thread). */
    public static final int SNAPSHOTS = 1;
    /** MarketDataIncrementalRefresh messages (35=X) sent, one per subscription and quote change (agent thread). */
    public static final int INCREMENTS = 2;
    /** MarketDataRequestRejects (35=Y) sent (agent thread). */
    public static final int REJECTS = 3;
    /** Subscriptions ended by SubscriptionRequestType 2 (agent thread). */
    public static final int UNSUBSCRIBES = 4;
    /** Quote changes numbered with the next RptSeq of their instrument (agent thread). */
    public static final int UPDATES = 5;
    /** Quotes the market published that a newer one replaced before the agent took them (agent thread). */
    public static final int CONFLATED = 6;
    /** Ticks the market published for an instrument the venue does not know (market thread). */
    public static final int UNKNOWN_TICKS = 7;
    /** Faults injected by a test (agent thread). */
    public static final int INJECTED = 8;
    private static final int COUNT = 9;
    private static final String[] NAMES = {"md-requests", "snapshots", "increments", "md-rejects", "unsubscribes",
        "md-updates", "md-conflated", "md-unknown", "md-injected"};

    private final AtomicLongArray values = new AtomicLongArray(COUNT);

    void increment(final int counter) {
        values.incrementAndGet(counter);
    }

    void add(final int counter, final long delta) {
        values.addAndGet(counter, delta);
    }

    /** The current value of one counter (a constant of this class); any thread. */
    public long get(final int counter) {
        return values.get(counter);
    }

    /** Every counter as {@code name=value}, space separated, for a status line. */
    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(NAMES[i]).append('=').append(values.get(i));
        }
        return text.toString();
    }
}
