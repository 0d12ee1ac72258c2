package io.rebalancer.fix;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the gateway did, as counters any thread may read. Each counter has one writing thread (noted per
 * constant), so an ordered store of {@code get + 1} is enough and nothing contends.
 */
public final class GatewayCounters {
    /** Orders the engine handed over that found the ring full; never expected (engine thread). */
    public static final int ORDERS_LOST = 0;
    /** NewOrderSingles handed to QuickFIX/J (gateway thread). */
    public static final int ORDERS_SENT = 1;
    /** Orders refused back to the engine because the session was not logged on or refused to send (gateway thread). */
    public static final int ORDERS_REJECTED_OFFLINE = 2;
    /** Execution reports published to the engine (QFJ thread). */
    public static final int EXECUTIONS = 3;
    /** Execution reports of a kind the engine does not book: pending, restated, ... (QFJ thread). */
    public static final int EXECUTIONS_IGNORED = 4;
    /** Execution reports whose ClOrdID is not one of ours; published with id -1 (QFJ thread). */
    public static final int UNKNOWN_CLORDID = 5;
    /** Execution reports with an unreadable quantity or price; dropped (QFJ thread). */
    public static final int MALFORMED_EXECUTIONS = 6;
    /** Session-level Rejects (35=3) received (QFJ thread). */
    public static final int SESSION_REJECTS = 7;
    /** BusinessMessageRejects (35=j) received (QFJ thread). */
    public static final int BUSINESS_REJECTS = 8;
    /** Rejects that named one of our orders and were reported to the engine as REJECTED (QFJ thread). */
    public static final int ORDERS_REJECTED_BY_VENUE = 9;
    /** Logons (QFJ thread). */
    public static final int LOGONS = 10;
    /** Logouts and disconnects after a logon (QFJ thread). */
    public static final int LOGOUTS = 11;
    /** Orders whose encoding or sending threw (a bug); rejected back to the engine (gateway thread). */
    public static final int SEND_ERRORS = 12;
    private static final int COUNT = 13;

    private final AtomicLongArray values = new AtomicLongArray(COUNT);

    /** Single writer per counter, see the constants. */
    void increment(final int counter) {
        values.lazySet(counter, values.get(counter) + 1);
    }

    /** One of this class's constants; any thread. */
    public long get(final int counter) {
        return values.get(counter);
    }
}
