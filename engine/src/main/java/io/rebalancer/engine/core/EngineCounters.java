package io.rebalancer.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.concurrent.atomic.AtomicLongArray;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;

/**
 * Monotonic counters written by the engine thread and readable from any thread (status output, tests).
 * Written with ordered stores: cheap for the writer, never torn for a reader, no allocation.
 */
public final class EngineCounters {
    public static final int TICKS = 0;
    public static final int EXECUTIONS = 1;
    public static final int TIMERS = 2;
    public static final int COMMANDS = 3;
    public static final int BATCHES = 4;
    public static final int EVALUATIONS = 5;
    public static final int REBALANCES = 6;
    public static final int ORDERS_SENT = 7;
    public static final int ORDERS_REJECTED = 8;
    public static final int FILLS = 9;
    public static final int ORDERS_CLOSED = 10;
    public static final int STALE_SKIPS = 11;
    public static final int FAULTS = 12;
    public static final int CANCELS_SENT = 13;
    public static final int REPLACES_SENT = 14;
    public static final int CANCEL_REJECTS = 15;
    public static final int LATE_FILLS = 16;
    public static final int VENUE_REJECTS = 17;
    public static final int BACKOFF_SKIPS = 18;
    public static final int REQUEST_TIMEOUTS = 19;
    public static final int CANCELS_GIVEN_UP = 20;
    public static final int STATUS_REQUESTS_SENT = 21;
    /** Fills the engine had not booked and learnt of from an order status answer. */
    public static final int RECONCILED_FILLS = 22;
    /** Orders the venue had never seen (a restart found them journaled but not sent): closed, never re-sent. */
    public static final int ORDERS_NEVER_SENT = 23;
    public static final int STATUS_UNANSWERED = 24;
    private static final int FIXED_COUNTERS = 25;
    private static final String[] NAMES = {
        "ticks", "executions", "timers", "commands", "batches", "evaluations", "rebalances", "orders sent",
        "orders rejected by risk", "fills", "orders closed", "evaluations skipped for stale prices", "engine faults",
        "cancel requests sent", "replace requests sent", "cancel/replace requests refused by the venue",
        "fills after the order finished", "orders rejected by the venue or gateway",
        "evaluations held back (reject back-off or a request out)", "cancel/replace requests the venue never answered",
        "cancels given up (the order ran out of request ids)", "order status requests sent",
        "fills learnt from order status answers", "orders the venue never received (closed, not re-sent)",
        "order status requests the venue never answered",
    };
    private static final InputReject[] REJECTS = InputReject.values();

    private final AtomicLongArray values = new AtomicLongArray(FIXED_COUNTERS + REJECTS.length);

    void increment(final int counter) {
        values.lazySet(counter, values.get(counter) + 1);
    }

    void rejected(final InputReject reason) {
        increment(FIXED_COUNTERS + reason.ordinal());
    }

    public long get(final int counter) {
        return values.get(counter);
    }

    public long rejects(final InputReject reason) {
        return values.get(FIXED_COUNTERS + reason.ordinal());
    }

    /** Sum of all input rejections. */
    public long totalRejects() {
        long sum = 0;
        for (final InputReject reason : REJECTS) {
            sum += rejects(reason);
        }
        return sum;
    }

    public static String name(final int counter) {
        return NAMES[counter];
    }

    public static int fixedCounters() {
        return FIXED_COUNTERS;
    }

    /** How many counters there are: a snapshot's counters only fit an engine with as many. */
    int length() {
        return values.length();
    }

    /** Bytes {@link #writeTo} writes. */
    int snapshotBytes() {
        return longs(values.length());
    }

    /**
     * Writes every counter, for an engine snapshot: a restored engine counts on from where this one was.
     *
     * @return the offset just past what was written
     */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = offset;
        for (int i = 0; i < values.length(); i++) {
            at = putLong(buffer, at, values.get(i));
        }
        return at;
    }

    /**
     * Reads back what {@link #writeTo} wrote.
     *
     * @return the offset just past what was read
     */
    int readFrom(final DirectBuffer buffer, final int offset) {
        for (int i = 0; i < values.length(); i++) {
            values.lazySet(i, getLong(buffer, offset + longs(i)));
        }
        return offset + snapshotBytes();
    }
}
