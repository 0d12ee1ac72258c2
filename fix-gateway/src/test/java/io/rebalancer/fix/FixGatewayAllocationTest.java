package io.rebalancer.fix;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.venue.VenueBehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hot-path promise with the FIX gateway live: the engine, the gateway and the venue simulator over a real
 * QuickFIX/J session on loopback, prices swinging on slow sine waves so portfolios breach again and again, and
 * after warm-up the engine thread allocates zero bytes while orders go out as NewOrderSingles, fills come back as
 * ExecutionReports, and resting orders are cancelled (for age, by the operator) and re-priced (cancel/replace)
 * over FIX. QuickFIX/J, the gateway agent and the venue allocate freely on their own threads; only the engine
 * thread is measured. Time is the wall clock, as the gateway stamps executions with it.
 */
class FixGatewayAllocationTest {
    private static final int INSTRUMENTS = 6;
    private static final long TICK_SIZE = 10_000;
    private static final long WARM_UP_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_WARM_UP_WINDOWS = 15;
    private static final int QUIET_WINDOWS = 3;
    /**
     * A late tier transition or deoptimization can still cost the running thread a few hundred bytes once (the
     * JIT's, not the engine's); a real per-event allocation shows in every attempt. So one attempt of the three
     * must be exactly zero.
     */
    private static final int MEASUREMENT_ATTEMPTS = 3;
    private static final long MEASURED_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** Each burst is a round of ticks for every instrument; then the driver parks, so nothing busy-spins. */
    private static final int ROUNDS_PER_BURST = 2;
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A manual rebalance every ~50 ms re-prices the remainders resting between the venue's partial fills. */
    private static final int BURSTS_PER_REBALANCE = 50;
    /** An operator cancel-all every ~2 s. */
    private static final int BURSTS_PER_CANCEL_ALL = 2_000;
    /** Prices swing 15% either way, one full wave in 4 s: every portfolio's bands are breached in every window. */
    private static final double AMPLITUDE = 0.15;
    private static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(4);
    /** The venue sends the second half of a partial fill this long after the first: the rest works meanwhile. */
    private static final long PARTIAL_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** Shorter than the gap, so a remainder not re-priced in time is cancelled for age. */
    private static final long MAX_ORDER_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    /** An order left behind by a fast quote move is cancelled by the venue after this long. */
    private static final long VENUE_MAX_REST_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final FaultListener listener = new FaultListener();
    private final FixLoop loop = new FixLoop(config(), listener);
    private final long start = loop.clock().nanoTime();
    private Engine engine;
    private FixGateway gateway;
    private long bursts;

    @AfterEach
    void tearDown() {
        loop.close();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldAllocateNothingOnTheEngineThreadWhileOrdersCancelsAndReplacesGoOverFix() {
        loop.startVenue(VenueBehaviour.builder().partialFills(true).partialGapNanos(PARTIAL_GAP_NANOS)
            .maxRestNanos(VENUE_MAX_REST_NANOS).seed(7).build()).startEngineAndGateway();
        engine = loop.engine();
        gateway = loop.gateway();
        while (!gateway.isConnected()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        final long threadId = loop.engineThread().getId();
        assertTrue(allocatedBytes(threadId) >= 0, "this JVM does not measure allocation per thread");
        warmUp(threadId);
        final StringBuilder attempts = new StringBuilder();
        for (int attempt = 1; attempt <= MEASUREMENT_ATTEMPTS; attempt++) {
            final Snapshot before = snapshot();
            final long bytesBefore = allocatedBytes(threadId);
            drive(MEASURED_WINDOW_NANOS);
            final long allocated = allocatedBytes(threadId) - bytesBefore;
            final Snapshot after = snapshot();
            final String window = String.format("%n  attempt %d: %d bytes on the engine thread over %d ms: %s",
                attempt, allocated, TimeUnit.NANOSECONDS.toMillis(MEASURED_WINDOW_NANOS), after.minus(before));
            attempts.append(window);
            assertWindowExercisedTheFixPath(before, after, window);
            if (allocated == 0) {
                return;
            }
        }
        fail("the engine thread allocated in every measurement:" + attempts + "\n" + describe());
    }

    /** Orders out, fills back, a cancel or replace out, over a session that stayed up, and nothing lost. */
    private void assertWindowExercisedTheFixPath(final Snapshot before, final Snapshot after, final String window) {
        final String context = window + "\n" + describe();
        assertEquals(0, engine.counters().get(EngineCounters.FAULTS), () -> "engine fault " + listener.fault
            + context);
        assertEquals(0, gateway.ordersLost(), () -> "orders lost in the hand-off" + context);
        assertTrue(gateway.isConnected(), () -> "session dropped" + context);
        assertTrue(after.gateway(GatewayCounters.ORDERS_SENT) > before.gateway(GatewayCounters.ORDERS_SENT),
            () -> "no NewOrderSingle went out" + context);
        assertTrue(after.engine(EngineCounters.FILLS) > before.engine(EngineCounters.FILLS),
            () -> "no fill came back" + context);
        assertTrue(after.gateway(GatewayCounters.CANCELS_SENT) + after.gateway(GatewayCounters.REPLACES_SENT)
            > before.gateway(GatewayCounters.CANCELS_SENT) + before.gateway(GatewayCounters.REPLACES_SENT),
            () -> "no cancel or replace went out" + context);
        assertEquals(before.gateway(GatewayCounters.ORDERS_REJECTED_OFFLINE) + before.gateway(
            GatewayCounters.SEND_ERRORS), after.gateway(GatewayCounters.ORDERS_REJECTED_OFFLINE) + after.gateway(
            GatewayCounters.SEND_ERRORS), () -> "orders refused before sending" + context);
    }

    /**
     * Warm-up lasts until the JIT has settled: the order, fill, cancel and replace paths run a few hundred times a
     * second at most, so C2 compiles them late. JFR (allocation events with TLABs off) shows what the engine thread
     * allocates meanwhile, each once per JVM and none from our code: a fixed 23,528 bytes (291 Strings with their
     * byte arrays, in the VM at Agrona's {@code UnsafeApi.putLong} under the first hand-off of a replace), and a
     * pair of String and byte array, sized like a class name, where compiled code first resolves a class (e.g. in
     * {@code RingBuffer.get}). A real per-event allocation shows in every window, so three quiet windows in a row
     * hide nothing.
     */
    private void warmUp(final long threadId) {
        int quiet = 0;
        for (int window = 0; window < MAX_WARM_UP_WINDOWS && quiet < QUIET_WINDOWS; window++) {
            final long before = allocatedBytes(threadId);
            drive(WARM_UP_WINDOW_NANOS);
            quiet = allocatedBytes(threadId) == before ? quiet + 1 : 0;
        }
    }

    /**
     * Publishes bursts of ticks for the given wall-clock span, parking between bursts. The venue's quotes move
     * before the engine sees the tick, so an order meets the market of its moment (or, when the wave moved past its
     * limit on the way, rests). Now and then an operator asks for a rebalance or cancels everything.
     */
    private void drive(final long spanNanos) {
        final long end = System.nanoTime() + spanNanos;
        while (System.nanoTime() < end) {
            for (int round = 0; round < ROUNDS_PER_BURST; round++) {
                for (int instrument = 0; instrument < INSTRUMENTS; instrument++) {
                    tick(instrument);
                }
            }
            bursts++;
            if (bursts % BURSTS_PER_REBALANCE == 0) {
                loop.publisher().command(loop.clock().nanoTime(), Command.REBALANCE_NOW, -1, 0);
            }
            if (bursts % BURSTS_PER_CANCEL_ALL == 0) {
                loop.publisher().command(loop.clock().nanoTime(), Command.CANCEL_ORDERS, -1,
                    CancelReason.OPERATOR.ordinal());
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /** Prices on slow sine waves with a phase per instrument, on the tick; spread two ticks. */
    private void tick(final int instrument) {
        final double phase = 2 * Math.PI * (double)(loop.clock().nanoTime() - start) / PERIOD_NANOS + instrument;
        final long mid = Fixed.fromDouble(100 * (1 + AMPLITUDE * Math.sin(phase))) / TICK_SIZE * TICK_SIZE;
        loop.publish(instrument, mid - TICK_SIZE, mid + TICK_SIZE);
    }

    private Snapshot snapshot() {
        final long[] engineCounters = new long[EngineCounters.fixedCounters()];
        for (int counter = 0; counter < engineCounters.length; counter++) {
            engineCounters[counter] = engine.counters().get(counter);
        }
        final long[] gatewayCounters = new long[GatewayCounters.count()];
        for (int counter = 0; counter < gatewayCounters.length; counter++) {
            gatewayCounters[counter] = gateway.counters().get(counter);
        }
        return new Snapshot(engineCounters, gatewayCounters);
    }

    /** Everything counted so far by the engine, the gateway and the venue, for a failure message. */
    private String describe() {
        final StringBuilder text = new StringBuilder("  totals: ").append(snapshot().minus(null));
        for (final InputReject reason : InputReject.values()) {
            final long count = engine.counters().rejects(reason);
            if (count > 0) {
                text.append(", engine ").append(reason).append(' ').append(count);
            }
        }
        return text.append("\n  venue: ").append(loop.venue().counters()).append("\n  engine working orders ")
            .append(engine.workingOrders()).toString();
    }

    private static long allocatedBytes(final long threadId) {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(threadId);
    }

    /**
     * Six instruments near 100 and three portfolios over overlapping sets, 3% bands, cash for the buys; planned to
     * target, so a manual rebalance re-sizes and re-prices whatever still works. Generous risk limits: the
     * gateway, not the risk gate, is under test.
     */
    private static EngineConfig config() {
        final String[] symbols = {"SPY", "TLT", "GLD", "EFA", "IEF", "VNQ"};
        final Instrument[] instruments = new Instrument[INSTRUMENTS];
        for (int id = 0; id < INSTRUMENTS; id++) {
            instruments[id] = new Instrument(id, symbols[id], TICK_SIZE, 1, Fixed.parse("100000"));
        }
        final List<PortfolioSpec> portfolios = List.of(
            portfolio(0, "pair", new int[] {0, 1}, new int[] {500_000, 500_000}),
            portfolio(1, "three", new int[] {2, 3, 4}, new int[] {400_000, 300_000, 300_000}),
            portfolio(2, "spread", new int[] {1, 3, 5}, new int[] {340_000, 330_000, 330_000}));
        final RiskLimits risk = new RiskLimits(1_000_000, Fixed.parse("10000000"), 50_000, 10_000,
            Fixed.parse("100000000000"), new boolean[INSTRUMENTS], TradingState.ACTIVE);
        final OrderPolicy policy = new OrderPolicy(MAX_ORDER_AGE_NANOS, OrderPolicy.WorkingOrderPolicy.REPLACE,
            OrderPolicy.ShutdownOrders.CANCEL, TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.SECONDS.toNanos(1),
            TimeUnit.SECONDS.toNanos(5));
        return new EngineConfig(new EngineSettings(4096, WaitStrategyKind.SLEEPING, TimeUnit.SECONDS.toNanos(60),
            256, 1, 1_000, ZoneId.of("UTC")), new InstrumentUniverse(List.of(instruments)), risk, portfolios, policy);
    }

    /** About 100,000 of value at 100 a unit, split by the targets, with 5% more in cash. */
    private static PortfolioSpec portfolio(final int id, final String name, final int[] instrumentIds,
        final int[] targetPpm) {
        final int n = instrumentIds.length;
        final long[] quantities = new long[n];
        final int[] bands = new int[n];
        for (int slot = 0; slot < n; slot++) {
            quantities[slot] = 1_000L * targetPpm[slot] / 1_000_000;
            bands[slot] = 30_000;
        }
        return new PortfolioSpec(id, name, Fixed.parse("5000"), instrumentIds, quantities, targetPpm, bands,
            new int[n], 0, 200_000, 10_000, Fixed.parse("100"), PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null);
    }

    /** Counters of the engine and the gateway at one moment, read from the test thread. */
    private record Snapshot(long[] engineCounters, long[] gatewayCounters) {
        long engine(final int counter) {
            return engineCounters[counter];
        }

        long gateway(final int counter) {
            return gatewayCounters[counter];
        }

        /** The non-zero counts since {@code earlier} (since the start when null), named. */
        String minus(final Snapshot earlier) {
            final StringBuilder text = new StringBuilder();
            for (int counter = 0; counter < engineCounters.length; counter++) {
                final long count = engineCounters[counter] - (earlier == null ? 0 : earlier.engineCounters[counter]);
                if (count != 0) {
                    text.append("engine ").append(EngineCounters.name(counter)).append(' ').append(count).append(", ");
                }
            }
            for (int counter = 0; counter < gatewayCounters.length; counter++) {
                final long count = gatewayCounters[counter]
                    - (earlier == null ? 0 : earlier.gatewayCounters[counter]);
                if (count != 0) {
                    text.append("gateway ").append(GatewayCounters.name(counter)).append(' ').append(count)
                        .append(", ");
                }
            }
            return text.toString();
        }
    }

    /** Keeps the first engine fault for the failure message; allocates nothing. */
    private static final class FaultListener extends NoOpEngineListener {
        private volatile Throwable fault;

        @Override
        public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
            if (this.fault == null) {
                this.fault = fault;
            }
        }
    }
}
