package io.rebalancer.benchmarks.harness;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * Times NewOrderSingles arriving at the venue simulator from the intended send time of the tick that caused them.
 * The engine thread ({@link EngineProbe}) tells {@link #expect} the client order id of each measured cause's first
 * order and the cause's intended time; the venue's arrival hook, on QuickFIX/J's acceptor thread, hands over the
 * ClOrdID ({@link #accept}), which is that id in decimal, and the latency is recorded there.
 * <p>
 * The table is two arrays indexed by the id's low bits: the time is written before the id with ordered stores and
 * read after it, so a reader that finds its id finds that order's time. 65,536 slots is over a minute of orders at
 * the harness's rates, while an order crosses loopback FIX in milliseconds, so a slot is never reused under an order
 * still on its way. Arrivals are recorded into a {@link SingleWriterRecorder}: the harness may stop waiting for a
 * straggler and take the histogram while the acceptor thread still records.
 */
final class OrderArrivals implements Consumer<String> {
    private static final int SLOTS = 1 << 16;
    private static final int MASK = SLOTS - 1;

    private final AtomicLongArray orderIds = new AtomicLongArray(SLOTS);
    private final AtomicLongArray intended = new AtomicLongArray(SLOTS);
    private volatile Window window = new Window(Long.MIN_VALUE, Long.MIN_VALUE);

    /** One measurement's arrivals: those of causes intended in {@code [from, to)}. */
    static final class Window {
        private final long fromIntended;
        private final long toIntended;
        private final SingleWriterRecorder recorder = new SingleWriterRecorder(ProbeWindow.HIGHEST_NANOS,
            ProbeWindow.DIGITS);
        private final AtomicLong arrived = new AtomicLong();

        Window(final long fromIntended, final long toIntended) {
            this.fromIntended = fromIntended;
            this.toIntended = toIntended;
        }

        /** Arrivals recorded so far; any thread. */
        long arrived() {
            return arrived.get();
        }

        /** What was recorded so far; call once, on the harness thread. */
        Histogram histogram() {
            return recorder.getIntervalHistogram();
        }
    }

    /** Starts recording the arrivals of causes intended in {@code [from, to)}; any thread. */
    Window open(final long fromIntended, final long toIntended) {
        final Window next = new Window(fromIntended, toIntended);
        window = next;
        return next;
    }

    /** Engine thread: order {@code clientOrderId} answers a cause intended at {@code intendedNanos}. */
    void expect(final long clientOrderId, final long intendedNanos) {
        final int slot = (int)(clientOrderId & MASK);
        intended.lazySet(slot, intendedNanos);
        orderIds.lazySet(slot, clientOrderId);
    }

    /** QuickFIX/J's acceptor thread: a NewOrderSingle with this ClOrdID arrived at the venue's application. */
    @Override
    public void accept(final String clOrdId) {
        final long now = System.nanoTime();
        final long id = parseId(clOrdId);
        if (id <= 0) {
            return;
        }
        final int slot = (int)(id & MASK);
        if (orderIds.get(slot) != id) {
            return;
        }
        final long cause = intended.get(slot);
        if (!orderIds.compareAndSet(slot, id, 0)) {
            return;
        }
        final Window w = window;
        if (cause >= w.fromIntended && cause < w.toIntended) {
            w.recorder.recordValue(ProbeWindow.clamp(now - cause));
            w.arrived.incrementAndGet();
        }
    }

    /** A positive decimal id, or -1 for anything else (not one of ours). */
    static long parseId(final String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
