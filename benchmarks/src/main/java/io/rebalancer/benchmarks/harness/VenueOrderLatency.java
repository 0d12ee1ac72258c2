package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.fix.FixGateway;
import io.rebalancer.fix.GatewayCounters;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueSimulator;
import org.HdrHistogram.Histogram;
import quickfix.MemoryStoreFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick to NewOrderSingle at the venue: the tick-to-intent pipeline ({@link EngineIntentLatency}: real ring, real
 * engine, journaled or not), but the orders leave through our real FIX gateway ({@link FixGateway}: its agent thread
 * drains the engine's hand-off ring, builds the NewOrderSingle and sends it on its QuickFIX/J session) over
 * loopback TCP to the real venue simulator ({@link VenueSimulator}) in the same process, and the latency runs from
 * the causing tick's intended send time to the NewOrderSingle arriving at the venue's application (its arrival hook,
 * {@link VenueSimulator#onOrderArrival}: QuickFIX/J has read, parsed, validated and sequenced it, the venue has not
 * yet looked at it). The venue fills every order at its limit, its fills come back over FIX into the engine's ring,
 * and the books rebalance again and again.
 * <p>
 * Two results per run: {@code tick-to-venue}, and {@code tick-to-gateway}, the engine leg of the same orders (to the
 * gateway's hand-off ring, as {@code tick-to-intent} measures it): the difference is the gateway's agent waking up,
 * QuickFIX/J encoding and sending, loopback, and QuickFIX/J receiving. The floor is the raw Disruptor hop plus the raw
 * QuickFIX/J one-way, measured in the same run. Note that the gateway's agent parks up to a millisecond when idle
 * ({@link FixGateway#MAX_IDLE_PARK_NANOS}, never a busy spin): at these order rates it is usually parked when an
 * order comes, and its wake-up is part of the product's latency.
 * <p>
 * Order rate: one causing moment in {@code max(10, rate / 250)} ticks, two orders each, so at most about 500 orders a
 * second cross FIX, far below the ~30k round trips a second QuickFIX/J sustains on this box, and each pair's orders
 * have eight causing moments (32 ms at least) to come back filled before it jumps again. Allocation is the engine
 * thread's, per tick; GCs are the JVM's, QuickFIX/J's garbage (kilobytes per message, on its threads) included.
 * Run it alone: {@code java -cp benchmarks.jar io.rebalancer.benchmarks.harness.VenueOrderLatency [rate ...]}.
 */
public final class VenueOrderLatency implements AutoCloseable {
    public static final String NAME = "tick-to-venue";
    public static final String GATEWAY_NAME = "tick-to-gateway";
    /** At most this many causing moments a second, each sending two orders: about 500 orders a second. */
    static final double MAX_CAUSES_PER_SECOND = 250;
    private static final long LOGON_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long ARRIVAL_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final boolean journal;
    private final int port;
    private final VenueSimulator venue;
    private final FixGateway gateway;
    private final EngineRig rig;

    /**
     * Starts the venue simulator on a free loopback port, the engine (journaled when asked) and the gateway, and
     * waits (10 s at most) for the FIX logon.
     *
     * @param waitStrategy how the engine thread waits: the same as the Disruptor floor's consumer, for a fair ratio
     * @param journal      journal every input and decision to Chronicle, as the daemon does unless {@code --no-journal}
     * @throws IllegalStateException when the session did not log on in time
     */
    public VenueOrderLatency(final WaitStrategyKind waitStrategy, final boolean journal) {
        this.journal = journal;
        final EngineConfig config = RebalancingLoad.config(waitStrategy);
        final InstrumentUniverse universe = config.universe();
        port = LoopbackFix.freePort();
        final long epochOffset = EngineRig.epochOffsetNanos();
        final OrderArrivals arrivals = new OrderArrivals();
        venue = new VenueSimulator(LoopbackFix.acceptor(port), new MemoryStoreFactory(),
            new LatestQuotes(universe.size()), universe, VenueBehaviour.builder().fillAtLimit(true).build());
        venue.onOrderArrival(arrivals);
        gateway = new FixGateway(LoopbackFix.initiator(port), new MemoryStoreFactory(), universe,
            config.settings().orderCapacity(), () -> System.nanoTime() + epochOffset);
        EngineRig wired = null;
        try {
            wired = new EngineRig(waitStrategy, journal, epochOffset, gateway.orderSink(), arrivals);
            venue.start();
            gateway.start(wired.publisher());
            awaitLogon();
            wired.start();
        } catch (final RuntimeException ex) {
            gateway.close();
            venue.close();
            if (wired != null) {
                wired.close();
            }
            throw ex;
        }
        rig = wired;
    }

    private void awaitLogon() {
        final long deadline = System.nanoTime() + LOGON_TIMEOUT_NANOS;
        while (!gateway.isConnected()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the FIX session to the venue simulator did not log on in "
                    + TimeUnit.NANOSECONDS.toSeconds(LOGON_TIMEOUT_NANOS) + " s"
                    + (gateway.lastLogonFailure() == null ? "" : ": " + gateway.lastLogonFailure()));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The {@code tick-to-venue} result of one run; see {@link #measureAll}. */
    public ScenarioResult measure(final double offeredPerSecond, final long warmupNanos, final long measureNanos) {
        return measureAll(offeredPerSecond, warmupNanos, measureNanos).get(0);
    }

    /**
     * Warms up at the offered rate, measures, waits (5 s at most) for the measured orders to arrive at the venue,
     * and returns {@code tick-to-venue} and {@code tick-to-gateway}.
     */
    public List<ScenarioResult> measureAll(final double offeredPerSecond, final long warmupNanos,
        final long measureNanos) {
        final long sentBefore = gateway.counters().get(GatewayCounters.ORDERS_SENT);
        final EngineRig.Run run = rig.run(offeredPerSecond, warmupNanos, measureNanos, MAX_CAUSES_PER_SECOND);
        final OrderArrivals.Window arrived = run.window().arrivals;
        final long expected = run.window().answered;
        final long deadline = System.nanoTime() + ARRIVAL_TIMEOUT_NANOS;
        while (arrived.arrived() < expected && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        final Histogram atVenue = arrived.histogram();
        final GatewayCounters counters = gateway.counters();
        String note = run.describe() + String.format(Locale.ROOT, "; %d orders sent over FIX, warm-up included",
            counters.get(GatewayCounters.ORDERS_SENT) - sentBefore);
        if (atVenue.getTotalCount() < expected) {
            note += String.format(Locale.ROOT, "; only %d of the %d timed orders reached the venue in %d s",
                atVenue.getTotalCount(), expected, TimeUnit.NANOSECONDS.toSeconds(ARRIVAL_TIMEOUT_NANOS));
        }
        if (counters.ordersRefusedBeforeSending() > 0) {
            note += "; gateway refused orders before sending (session down?): " + counters;
        }
        return List.of(run.result(NAME, journal, offeredPerSecond, atVenue, note),
            run.result(GATEWAY_NAME, journal, offeredPerSecond, run.window().intent, note));
    }

    /** The last run's record, or null: for the smoke test. */
    EngineRig.Run lastRun() {
        return rig.lastRun();
    }

    /** The temporary journal's folder, null with the journal off: for the smoke test. */
    Path journalFolder() {
        return rig.journalFolder();
    }

    /** The loopback port the venue listens on: for the smoke test. */
    int port() {
        return port;
    }

    /** Logs the gateway out (orders still queued go back to the engine as rejects), stops the venue, the engine. */
    @Override
    public void close() {
        try {
            gateway.close();
            venue.close();
        } finally {
            rig.close();
        }
    }

    /** Measures at the given rates (see {@link ScenarioMain}), journal off then on, and prints a line each. */
    public static void main(final String[] args) {
        for (final boolean journal : new boolean[] {false, true}) {
            try (VenueOrderLatency scenario = new VenueOrderLatency(WaitStrategyKind.YIELDING, journal)) {
                ScenarioMain.run(args, scenario::measureAll);
            }
        }
    }
}
