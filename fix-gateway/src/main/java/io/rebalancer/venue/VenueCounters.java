package io.rebalancer.venue;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the simulator did, as counters any thread may read. Some counters have more than one writer (the agent
 * thread, QuickFIX/J's thread, a test calling a fault-injection method), so each increment is atomic: this is a
 * test venue, contention does not matter.
 */
public final class VenueCounters {
    /**
     * NewOrderSingles taken as new orders (QFJ thread): each ClOrdID once; duplicates are counted in
     * {@link #DUPLICATE_ORDERS} and {@link #POSS_DUPS_IGNORED} instead.
     */
    public static final int ORDERS_RECEIVED = 0;
    /** New acknowledgements (ExecType 0) sent. */
    public static final int ACKS = 1;
    /** Trade reports sent (partial or full fills). */
    public static final int FILLS = 2;
    /** Orders rejected (ExecType 8): unreadable, unknown symbol, or a random reject. */
    public static final int REJECTS = 3;
    /** Orders cancelled on an OrderCancelRequest. */
    public static final int CANCELS = 4;
    /** Orders replaced on an OrderCancelReplaceRequest. */
    public static final int REPLACES = 5;
    /** OrderCancelRejects sent (unknown or finished order, refused replace). */
    public static final int CANCEL_REJECTS = 6;
    /** Orders the venue cancelled because they rested longer than the maximum rest. */
    public static final int REST_TIMEOUTS = 7;
    /** DAY orders expired (ExecType C) at the configured close. */
    public static final int EXPIRED = 8;
    /** Logons accepted. */
    public static final int LOGONS = 9;
    /** Logons refused for a wrong or missing Username/Password. */
    public static final int LOGONS_REJECTED = 10;
    /** Orders rejected at random (a fault; also counted in {@link #REJECTS}). */
    public static final int RANDOM_REJECTS = 11;
    /** Orders filled without a New acknowledgement (ack-less mode). */
    public static final int ACKLESS_ORDERS = 12;
    /** Execution reports sent a second time with the same ExecID. */
    public static final int DUPLICATES = 13;
    /** Fill reports sent before the order's New acknowledgement. */
    public static final int OUT_OF_ORDER = 14;
    /** Sessions disconnected by the venue (on request or as a configured fault). */
    public static final int DISCONNECTS = 15;
    /** Raw messages with broken framing (bad checksum, wrong body length) written to a session. */
    public static final int GARBLED_INJECTED = 16;
    /** Well-framed but invalid or unexpected reports injected (missing field, bad value, unknown ClOrdID). */
    public static final int INVALID_INJECTED = 17;
    /** OrderStatusRequests answered (ExecType I, or ExecTransType 3 in 4.2), known orders or not. */
    public static final int STATUS_REQUESTS = 18;
    /**
     * NewOrderSingles refused because their ClOrdID was already used in the session (QFJ thread): answered with an
     * ExecutionReport rejected with OrdRejReason 6, never booked. Zero when no ClOrdID was offered twice.
     */
    public static final int DUPLICATE_ORDERS = 19;
    /**
     * PossDup (PossDupFlag=Y) orders, cancels and replaces whose ClOrdID was already seen: resends of what the venue
     * has, ignored without an answer (QFJ thread).
     */
    public static final int POSS_DUPS_IGNORED = 20;
    private static final int COUNT = 21;
    private static final String[] NAMES = {"orders", "acks", "fills", "rejects", "cancels", "replaces",
        "cancel-rejects", "rest-timeouts", "expired", "logons", "logons-rejected", "random-rejects", "ackless",
        "duplicates", "out-of-order", "disconnects", "garbled", "invalid", "status-requests", "duplicate-orders",
        "possdups-ignored"};

    private final AtomicLongArray values = new AtomicLongArray(COUNT);

    void increment(final int counter) {
        values.incrementAndGet(counter);
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
