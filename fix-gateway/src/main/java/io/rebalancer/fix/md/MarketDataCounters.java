package io.rebalancer.fix.md;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the market-data client did, as counters any thread may read. Each counter has one writing thread (noted per
 * constant), so an ordered store of {@code get + 1} is enough and nothing contends.
 */
public final class MarketDataCounters {
    /** Snapshots (35=W) and increments (35=X) received (QFJ thread). */
    public static final int MESSAGES = 0;
    /** MarketDataSnapshotFullRefresh messages (35=W) received (QFJ thread). */
    public static final int SNAPSHOTS = 1;
    /** MarketDataIncrementalRefresh messages (35=X) received (QFJ thread). */
    public static final int INCREMENTS = 2;
    /** MDEntries in those messages, ours or not (QFJ thread). */
    public static final int ENTRIES = 3;
    /** Ticks delivered to the edge, one per instrument update (QFJ thread). */
    public static final int TICKS = 4;
    /** Updates for a symbol the configuration does not know, told to the edge as unknown (QFJ thread). */
    public static final int UNKNOWN_SYMBOLS = 5;
    /** MarketDataRequestRejects (35=Y) received (QFJ thread). */
    public static final int REJECTS = 6;
    /**
     * Entries that could not be read whole: a bid, offer or trade without a readable MDEntryPx (delivered as
     * {@code Fixed.INVALID} for the edge to refuse), an increment entry without MDEntryType (its whole update
     * delivered invalid) or without a Symbol or MDReqID of ours (not attributable, so not delivered), an unreadable
     * MDEntrySize or entry time (the update delivered without them) (QFJ thread).
     */
    public static final int MALFORMED_ENTRIES = 7;
    /** Logons (QFJ thread). */
    public static final int LOGONS = 8;
    /** Logouts and dropped connections after a logon; the next logon subscribes again (QFJ thread). */
    public static final int DISCONNECTS = 9;
    /** MarketDataRequests (35=V) sent to subscribe, one per symbol per logon (QFJ thread). */
    public static final int SUBSCRIBE_REQUESTS = 10;
    /** MarketDataRequests (35=V) sent to unsubscribe (caller's thread, under the subscriptions' lock). */
    public static final int UNSUBSCRIBE_REQUESTS = 11;
    /** Session Rejects (35=3) and BusinessMessageRejects (35=j) received: the venue refused a message of ours. */
    public static final int SESSION_REJECTS = 12;
    private static final int COUNT = 13;
    private static final String[] NAMES = {"messages", "snapshots", "increments", "entries", "ticks",
        "unknown-symbols", "rejects", "malformed-entries", "logons", "disconnects", "subscribe-requests",
        "unsubscribe-requests", "session-rejects"};

    private final AtomicLongArray values = new AtomicLongArray(COUNT);

    void increment(final int counter) {
        values.lazySet(counter, values.get(counter) + 1);
    }

    void add(final int counter, final long delta) {
        values.lazySet(counter, values.get(counter) + delta);
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
