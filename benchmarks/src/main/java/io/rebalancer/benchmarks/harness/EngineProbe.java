package io.rebalancer.benchmarks.harness;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The harness's two taps on the engine thread, around the real engine stage and the real order sink:
 * <pre>
 *   ring --> [Stage: note a causing tick] --> engine stage (Engine, or JournalingHandler + Engine) --> [record handled]
 *                                                 |
 *                                                 +--> OrderSink call --> [this: record intent] --> venue side
 * </pre>
 * The engine reads time only from events and hands each order the time of its clock, so each tick's event time
 * carries its intended send time (shifted by {@code epochOffsetNanos} into the epoch range the engine expects) and
 * the probe needs no side table. A causing moment (the load's pair of mover ticks, one intended time) waits, per
 * portfolio, until the engine sends that portfolio an order or ends the batch: the engine plans once per batch, at
 * its end, so the first order a portfolio gets in the batch that holds its moment is that moment's answer, and a
 * batch that ends without one leaves it unanswered. The intent time is taken once the venue side's hand-off
 * returned: the order is then in the gateway's (or the instant fills') ring, out of the engine thread. With
 * journaling on, the journal flushed the inputs before that call (nothing leaves before it is journaled), so the
 * flush is inside the measured latency.
 * <p>
 * The probe also counts each portfolio's orders still working (sent, and not yet filled in full, cancelled, refused or
 * expired by a report the engine booked), for the load to move only pairs whose portfolio has none
 * ({@link #isSettled}).
 * <p>
 * Cost on the engine thread: a volatile read, a type check and one {@link System#nanoTime()} per event, one more
 * per order, a loop over the load's eight portfolios per batch. Nothing allocates. Engine thread only, apart from
 * {@link #open}.
 */
final class EngineProbe implements OrderSink {
    private static final long NONE = Long.MIN_VALUE;
    /** Orders in flight are far fewer than this: the engine's order capacity is 4,096. */
    private static final int ORDER_SLOTS = 1 << 16;

    private final OrderSink venueSide;
    private final long epochOffsetNanos;
    /** Told the first order of each measured moment, for the venue scenario; null in the engine scenario. */
    private final OrderArrivals arrivals;
    private volatile ProbeWindow window = ProbeWindow.closed();
    /** The window of the event being handled: read once per event. */
    private ProbeWindow current = window;
    /** Per portfolio: the intended time of the moment waiting for its order, or {@link #NONE}. */
    private final long[] pending = new long[RebalancingLoad.PORTFOLIOS];
    /** Per portfolio: the window the waiting moment is measured in, null when it is not measured. */
    private final ProbeWindow[] pendingWindow = new ProbeWindow[RebalancingLoad.PORTFOLIOS];
    /** Per portfolio: the intended time of its last causing tick, to know a pair's second tick. */
    private final long[] lastCause = new long[RebalancingLoad.PORTFOLIOS];
    /** Per portfolio: whether its moment had its first order in this batch (later orders follow it). */
    private final boolean[] answered = new boolean[RebalancingLoad.PORTFOLIOS];
    /** Per portfolio: the window that answered moment is measured in, null when it is not measured. */
    private final ProbeWindow[] answeredWindow = new ProbeWindow[RebalancingLoad.PORTFOLIOS];
    /** Per portfolio: orders working; written by the engine thread, read by the injector. */
    private final AtomicIntegerArray working = new AtomicIntegerArray(RebalancingLoad.PORTFOLIOS);
    /** Per client order id (low bits): its portfolio, and whether it still counts as working. */
    private final int[] orderPortfolio = new int[ORDER_SLOTS];
    private final boolean[] orderWorking = new boolean[ORDER_SLOTS];

    /**
     * @param venueSide        where orders really go: the gateway's or the instant fills' hand-off ring
     * @param epochOffsetNanos event time minus intended {@link System#nanoTime()} of every tick
     * @param arrivals         the venue scenario's arrival table, or null
     */
    EngineProbe(final OrderSink venueSide, final long epochOffsetNanos, final OrderArrivals arrivals) {
        this.venueSide = venueSide;
        this.epochOffsetNanos = epochOffsetNanos;
        this.arrivals = arrivals;
        Arrays.fill(pending, NONE);
        Arrays.fill(lastCause, NONE);
    }

    /** The stage to put on the ring in place of {@code engineStage}, which it calls for every event. */
    EventHandler<InboundEvent> around(final EventHandler<InboundEvent> engineStage) {
        return new Stage(engineStage);
    }

    /**
     * Starts recording into {@code next} (and its orders' arrivals at the venue, in the venue scenario); any thread.
     * The previous window is left as it stands.
     */
    void open(final ProbeWindow next) {
        if (arrivals != null) {
            next.arrivals = arrivals.open(next.fromIntended, next.toIntended);
        }
        window = next;
    }

    /**
     * Whether portfolio {@code p} has no order working, as of the last event the engine finished; any thread. The
     * engine publishes its ring sequence after this count, so a reader that has seen the engine pass an event sees
     * the orders that event caused.
     */
    boolean isSettled(final int p) {
        return working.get(p) == 0;
    }

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        final int p = portfolioId;
        if (arrivals != null && pending[p] != NONE && pendingWindow[p] != null) {
            // Before the hand-off: the gateway is woken by it and may have the order at the venue before this
            // thread runs again.
            arrivals.expect(clientOrderId, pending[p]);
        }
        venueSide.onNewOrder(timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, limitPrice);
        final long now = System.nanoTime();
        final int slot = (int)(clientOrderId & (ORDER_SLOTS - 1));
        orderPortfolio[slot] = p;
        orderWorking[slot] = true;
        working.lazySet(p, working.get(p) + 1);
        if (pending[p] != NONE) {
            final ProbeWindow w = pendingWindow[p];
            if (w != null) {
                w.intent.recordValue(ProbeWindow.clamp(now - pending[p]));
                w.answered++;
            }
            answered[p] = true;
            answeredWindow[p] = w;
            pending[p] = NONE;
            pendingWindow[p] = null;
        } else if (answered[p]) {
            if (answeredWindow[p] != null) {
                answeredWindow[p].followers++;
            }
        } else if (current.covers(timeNanos - epochOffsetNanos)) {
            current.uncaused++;
        }
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        venueSide.onCancelOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
            orderQuantity);
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        venueSide.onReplaceOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
            orderQuantity, limitPrice);
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
        venueSide.onStatusRequest(timeNanos, clientOrderId, portfolioId, instrumentId, side, orderQuantity);
    }

    private void causeSeen(final int p, final long intended) {
        if (intended == lastCause[p]) {
            // The pair's second tick: the same moment.
            return;
        }
        lastCause[p] = intended;
        final boolean measured = current.covers(intended);
        if (measured) {
            current.causes++;
        }
        if (pending[p] != NONE) {
            // The engine is so far behind that this portfolio's previous moment is in the same batch: the batch's
            // order answers both, timed from the earlier.
            if (measured) {
                current.merged++;
            }
            return;
        }
        pending[p] = intended;
        pendingWindow[p] = measured ? current : null;
    }

    /** After the engine booked a report: an order that will not trade again no longer counts as working. */
    private void reportBooked(final InboundEvent report) {
        final int execType = report.execType();
        final boolean done = execType == ExecType.TRADE ? report.leavesQuantity() == 0
            : execType == ExecType.CANCELED || execType == ExecType.REJECTED || execType == ExecType.EXPIRED;
        final int slot = (int)(report.clientOrderId() & (ORDER_SLOTS - 1));
        if (done && orderWorking[slot]) {
            orderWorking[slot] = false;
            final int p = orderPortfolio[slot];
            working.lazySet(p, working.get(p) - 1);
        }
    }

    private void batchEnded() {
        for (int p = 0; p < pending.length; p++) {
            if (pending[p] != NONE) {
                if (pendingWindow[p] != null) {
                    pendingWindow[p].unanswered++;
                }
                pending[p] = NONE;
                pendingWindow[p] = null;
            }
            answered[p] = false;
            answeredWindow[p] = null;
        }
    }

    /** Notes causing ticks before the engine sees them and times every tick after it handled it. */
    private final class Stage implements EventHandler<InboundEvent> {
        private final EventHandler<InboundEvent> engineStage;

        Stage(final EventHandler<InboundEvent> engineStage) {
            this.engineStage = engineStage;
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
            throws Exception {
            final ProbeWindow w = window;
            current = w;
            final boolean tick = event.type() == InboundEvent.TICK;
            final long intended = event.timeNanos() - epochOffsetNanos;
            if (tick && RebalancingLoad.isCause(event)) {
                causeSeen(RebalancingLoad.portfolioOf(event.instrumentId()), intended);
            }
            engineStage.onEvent(event, sequence, endOfBatch);
            if (event.type() == InboundEvent.EXECUTION) {
                reportBooked(event);
            }
            if (tick && w.covers(intended)) {
                w.handled.recordValue(ProbeWindow.clamp(System.nanoTime() - intended));
                w.ticks++;
            }
            if (endOfBatch) {
                batchEnded();
            }
        }
    }
}
