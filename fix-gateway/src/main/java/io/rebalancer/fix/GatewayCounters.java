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
    /** Reports whose ClOrdID is not ours: executions published with id -1, cancel rejects dropped (QFJ thread). */
    public static final int UNKNOWN_CLORDID = 4;
    /**
     * Execution reports with an unreadable quantity or price (a trade's LastQty or LastPx, a status report's
     * OrdStatus, CumQty, AvgPx or LeavesQty); published with the invalid value for the engine to refuse (QFJ thread).
     */
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
    /** OrderCancelRequests (35=F) handed to QuickFIX/J (gateway thread). */
    public static final int CANCELS_SENT = 12;
    /** OrderCancelReplaceRequests (35=G) handed to QuickFIX/J (gateway thread). */
    public static final int REPLACES_SENT = 13;
    /**
     * Cancel and replace requests that never left: session down, sending refused or threw; reported to the engine
     * as CANCEL_REJECTED (gateway thread).
     */
    public static final int REQUESTS_REFUSED_BEFORE_SENDING = 14;
    /**
     * Cancel and replace requests the venue refused: OrderCancelRejects (35=9), and session or business rejects
     * of a 35=F/G; reported to the engine as CANCEL_REJECTED (QFJ thread).
     */
    public static final int CANCEL_REJECTS = 15;
    /** Times the agent paused draining the hand-off ring: the send budget per second was spent (gateway thread). */
    public static final int RATE_LIMITED_WAITS = 16;
    /** Logon attempts the venue answered with a Logout before we were logged on, e.g. wrong password (QFJ thread). */
    public static final int LOGON_FAILURES = 17;
    /** FIX 4.2 execution reports that cancel or correct an earlier one (ExecTransType 1/2); ignored (QFJ thread). */
    public static final int CORRECTIONS_IGNORED = 18;
    /** OrderStatusRequests (35=H) handed to QuickFIX/J (gateway thread). */
    public static final int STATUS_REQUESTS_SENT = 19;
    /**
     * Status requests that never left: session down, sending refused or threw; answered to the engine as
     * ORDER_STATUS with no status ({@link FixOrdStatus#NO_ANSWER}) (gateway thread).
     */
    public static final int STATUS_REQUESTS_NOT_SENT = 20;
    /** Order status reports (4.4 ExecType I, 4.2 ExecTransType 3) published as ORDER_STATUS (QFJ thread). */
    public static final int STATUS_ANSWERS = 21;
    /**
     * Status requests the venue refused with a session Reject or BusinessMessageReject; answered to the engine as
     * ORDER_STATUS with no status ({@link FixOrdStatus#NO_ANSWER}) (QFJ thread).
     */
    public static final int STATUS_REQUESTS_REJECTED = 22;
    /**
     * Our orders, cancels, replaces and status requests QuickFIX/J wanted to resend (PossDupFlag=Y) on a
     * ResendRequest; refused, QuickFIX/J gap-fills over them (QFJ thread).
     */
    public static final int RESENDS_REFUSED = 23;
    /**
     * Orders the venue rejected as a duplicate ClOrdID (OrdRejReason 6): an id the venue already had; also counted
     * as executions and reported to the engine as REJECTED (QFJ thread).
     */
    public static final int DUPLICATE_ORDER_REJECTS = 24;
    private static final int COUNT = 25;

    private static final String[] NAMES = {
        "orders sent", "orders refused offline", "executions", "executions ignored", "unknown ClOrdID",
        "malformed executions", "session rejects", "business rejects", "orders rejected by venue", "logons",
        "logouts", "send errors", "cancels sent", "replaces sent", "requests refused before sending",
        "cancel rejects", "rate-limited waits", "logon failures", "corrections ignored", "status requests sent",
        "status requests not sent", "status answers", "status requests rejected", "resends refused",
        "duplicate order rejects",
    };

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

    /** Every counter with its name, for logs and failure messages. */
    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder();
        for (int counter = 0; counter < COUNT; counter++) {
            text.append(counter == 0 ? "" : ", ").append(NAMES[counter]).append(' ').append(get(counter));
        }
        return text.toString();
    }

    /** A short readable name of one of this class's constants, e.g. "cancels sent", for printing. */
    public static String name(final int counter) {
        return NAMES[counter];
    }

    /** How many counters there are: the constants run from 0 to {@code count() - 1}. */
    public static int count() {
        return COUNT;
    }

    /** One of this class's constants; any thread. */
    public long get(final int counter) {
        return values.get(counter);
    }
}
