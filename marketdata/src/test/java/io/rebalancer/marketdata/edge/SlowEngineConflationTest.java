package io.rebalancer.marketdata.edge;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feed far faster than a deliberately slow engine (it parks on every event), while a venue thread fills every
 * order the engine sends and sends status commands through the same ring. The feed never blocks and what waits is
 * bounded (one tick per instrument, the feed thread allocating nothing per tick); every fill and every command
 * reaches the engine; every tick either reaches it or was replaced by a newer one of its instrument; and the engine
 * ends on each instrument's last tick.
 */
@Timeout(120)
class SlowEngineConflationTest {
    private static final int RING = 256;
    private static final int HEADROOM = 64;
    private static final int TICKS = 300_000;
    private static final long MS = 1_000_000L;
    private static final long START = 1_700_000_000_000L * MS;
    private static final long CENT = 10_000;
    /** Far below one byte per tick: a queue that grew with the backlog would allocate megabytes. */
    private static final long MOST_FEED_BYTES = 64 * 1024;

    @Test
    void shouldConflateTicksAndLoseNoFillOrCommand() throws Exception {
        final EngineConfig config = ConfigLoader.load(Path.of("..", "config"));
        final Venue venue = new Venue();
        final Engine engine = new Engine(config, venue, NoOpEngineListener.INSTANCE);
        final Slow slow = new Slow(engine);
        final EngineTopology topology = new EngineTopology(RING, WaitStrategyKind.SLEEPING, slow, engine).start();
        final InboundPublisher publisher = topology.publisher();
        venue.publisher = publisher;
        final Thread venueThread = new Thread(venue::run, "venue");
        venueThread.start();
        final int n = config.universe().size();
        final MarketDataEdge edge = new MarketDataEdge(n, new EdgeSettings(EdgeSettings.DEFAULT_JUMP_LIMIT_PPM,
            HEADROOM), publisher, null);
        final long[] lastBid = new long[n];
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        long time = START;
        for (int i = 0; i < TICKS; i++) {
            final int id = i % n;
            time += MS;
            final long bid = (100 + (i / n) % 7) * Fixed.SCALE;
            edge.onTick(time, id, bid, bid + CENT, 0, 0, i / n + 1);
            lastBid[id] = bid;
            venue.time = time;
        }
        final long feedBytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(edge.flush(60, TimeUnit.SECONDS), "the waiting ticks reach the ring");
        venue.stop = true;
        venueThread.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(topology.stop(60, TimeUnit.SECONDS));

        assertTrue(edge.conflated() > TICKS / 2, "the engine fell far behind: " + edge.conflated() + " conflated");
        assertTrue(edge.mostWaiting() <= n, "at most one tick waits per instrument: " + edge.mostWaiting());
        assertTrue(feedBytes < MOST_FEED_BYTES, feedBytes + " bytes allocated by the feed thread");
        assertEquals(TICKS, edge.accepted());
        assertEquals(TICKS, slow.ticks + edge.conflated(), "every tick reached the engine or gave way to a newer one");
        assertEquals(venue.fills.get(), slow.executions, "every fill reached the engine");
        assertEquals(venue.fills.get(), engine.counters().get(EngineCounters.FILLS), "and was booked");
        assertEquals(venue.commands.get(), slow.commands, "every command reached the engine");
        assertTrue(venue.fills.get() > 0 && venue.commands.get() > 0, "the venue filled and commanded");
        for (int id = 0; id < n; id++) {
            assertEquals(lastBid[id], engine.prices().sellTouch(id), "instrument " + id + " ends on its last tick");
        }
    }

    /** The engine behind a stage that parks on every event: far slower than the feed. */
    private static final class Slow implements EventHandler<InboundEvent> {
        private final Engine engine;
        long ticks;
        long executions;
        long commands;

        Slow(final Engine engine) {
            this.engine = engine;
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
            LockSupport.parkNanos(1_000);
            switch (event.type()) {
                case InboundEvent.TICK -> ticks++;
                case InboundEvent.EXECUTION -> executions++;
                case InboundEvent.COMMAND -> commands++;
                default -> {
                }
            }
            engine.onEvent(event, sequence, endOfBatch);
        }
    }

    /** Fills every new order in full at its limit, from its own thread, and asks for a status report now and then. */
    private static final class Venue implements OrderSink {
        private final ConcurrentLinkedQueue<long[]> orders = new ConcurrentLinkedQueue<>();
        final AtomicLong fills = new AtomicLong();
        final AtomicLong commands = new AtomicLong();
        volatile InboundPublisher publisher;
        volatile long time;
        volatile boolean stop;

        @Override
        public void onNewOrder(final long at, final long id, final int portfolio, final int instrument,
            final byte side, final long quantity, final long limit) {
            orders.add(new long[] {at, id, quantity, limit});
        }

        @Override
        public void onCancelOrder(final long at, final long request, final long original, final int portfolio,
            final int instrument, final byte side, final long quantity) {
        }

        @Override
        public void onReplaceOrder(final long at, final long request, final long original, final int portfolio,
            final int instrument, final byte side, final long quantity, final long limit) {
        }

        @Override
        public void onStatusRequest(final long at, final long id, final int portfolio, final int instrument,
            final byte side, final long quantity) {
        }

        void run() {
            long executionId = 0;
            while (!stop || !orders.isEmpty()) {
                final long[] order = orders.poll();
                if (order != null) {
                    publisher.execution(order[0], order[1], ++executionId, ExecType.TRADE, order[2], order[3], 0);
                    fills.incrementAndGet();
                } else {
                    publisher.command(time, Command.REPORT_STATUS, -1, 0);
                    commands.incrementAndGet();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        }
    }
}
