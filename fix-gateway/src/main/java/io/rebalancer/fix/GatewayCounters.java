package io.rebalancer.fix;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the gateway did, as counters any thread may read. Each counter has one writing thread (noted per
 * constant), so an ordered store of {@code get + 1} is enough and nothing contends.
 */
public final class GatewayCounters {
    /** NewOrderSingles handed to QuickFIX/J (gateway thread). */
    public static final int ORDERS_SENT = 0;
    /** Orders refused back to the engine because the session was not logged on or refused to send (gateway thread). */
    public static final int ORDERS_REJECTED_OFFLINE = 1;
    /** Execution reports published to the engine (QFJ thread). */
    public static final int EXECUTIONS = 2;
    /** Execution reports of a kind the engine does not book: pending, restated, ... (QFJ thread). */
    public static final int EXECUTIONS_IGNORED = 3;
    /** Execution reports whose ClOrdID is not one of ours; published with id -1 (QFJ thread). */
    public static final int UNKNOWN_CLORDID = 4;
    /** Execution reports with an unreadable quantity or price; dropped (QFJ thread). */
    public static final int MALFORMED_EXECUTIONS = 5;
    /** Session-level Rejects (35=3) received (QFJ thread). */
    public static final int SESSION_REJECTS = 6;
    /** BusinessMessageRejects (35=j) received (QFJ thread). */
    public static final int BUSINESS_REJECTS = 7;
    /** Rejects that named one of our orders and were reported to the engine as REJECTED (QFJ thread). */
    public static final int ORDERS_REJECTED_BY_VENUE = 8;
    /** Logons (QFJ thread). */
    public static final int LOGONS = 9;
    /** Logouts and disconnects after a logon (QFJ thread). */
    public static final int LOGOUTS = 10;
    /** Orders whose encoding or sending threw (a bug); rejected back to the engine (gateway thread). */
    public static final int SEND_ERRORS = 11;
    private static final int COUNT = 12;

    private final AtomicLongArray values = new AtomicLongArray(COUNT);

    /** Single writer per counter, see the constants. */
    void increment(final int counter) {
        values.lazySet(counter, values.get(counter) + 1);
    }

    /** Orders that never left, refused back to the engine: session down, or sending threw. Any thread. */
    public long ordersRefusedBeforeSending() {
        return get(ORDERS_REJECTED_OFFLINE) + get(SEND_ERRORS);
    }

    /** Every order refused back to the engine as REJECTED: before sending, or by the venue. Any thread. */
    public long ordersRefusedBack() {
        return ordersRefusedBeforeSending() + get(ORDERS_REJECTED_BY_VENUE);
    }

    /** One of this class's constants; any thread. */
    public long get(final int counter) {
        return values.get(counter);
    }
}
