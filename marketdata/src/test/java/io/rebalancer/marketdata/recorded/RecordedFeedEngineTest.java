package io.rebalancer.marketdata.recorded;

import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.marketdata.FeedRunner;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.edge.TickFault;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.marketdata.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.rebalancer.marketdata.recorded.Recordings.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording replayed into the engine: {@link RecordedFeed} driven by {@link FeedRunner} into a
 * {@link MarketDataEdge}, the engine's ring ({@link EngineTopology}) and a real {@link Engine} configured by the
 * repository's {@code config/}. The engine ends with the recording's last good price of every instrument: none of
 * the bad ticks recorded after them gets through.
 */
@Timeout(60)
class RecordedFeedEngineTest {
    private static final int TICKS = 40_000;

    @TempDir
    Path dir;

    @Test
    void shouldLeaveTheEngineWithTheRecordingsLastGoodPrices() throws Exception {
        final EngineConfig config = ConfigLoader.load(Path.of("..", "config"));
        final InstrumentUniverse universe = config.universe();
        final int instruments = universe.size();
        final CallLog recorded = new CallLog();
        final long end;
        try (FeedRecorder recorder = FeedRecorder.open(dir, universe, "synthetic, then bad ticks", recorded)) {
            final SyntheticMarket market = new SyntheticMarket(Recordings.market(instruments, 17, SECOND), recorder,
                new LatestQuotes(instruments));
            market.run(TICKS);
            end = market.nextTickTime();
            recordBadTicks(recorder, end, TICKS / instruments);
        }
        final long[][] lastGood = lastSyntheticTicks(recorded, instruments);

        final Engine engine = new Engine(config, NoOrders.INSTANCE, NoOpEngineListener.INSTANCE);
        final EngineTopology topology = new EngineTopology(config.settings().ringSize(), WaitStrategyKind.SLEEPING,
            engine, engine).start();
        final MarketDataEdge edge = new MarketDataEdge(instruments, EdgeSettings.defaults(config.settings().ringSize()),
            topology.publisher(), null);
        try (RecordedFeed feed = RecordedFeed.open(dir, universe, 0)) {
            assertEquals(TICKS + 5, FeedRunner.run(feed, edge, () -> false));
            assertNull(feed.problems());
        } finally {
            assertTrue(topology.stop(10, TimeUnit.SECONDS));
        }

        for (int id = 0; id < instruments; id++) {
            final String symbol = universe.get(id).symbol();
            assertEquals(lastGood[id][0], engine.prices().sellTouch(id), symbol + " bid");
            assertEquals(lastGood[id][1], engine.prices().buyTouch(id), symbol + " ask");
            assertEquals(lastGood[id][0] + (lastGood[id][1] - lastGood[id][0]) / 2, engine.prices().mark(id), symbol);
            assertEquals(lastGood[id][2], engine.prices().time(id), symbol + " time");
        }
        assertEquals(edge.published(), engine.counters().get(EngineCounters.TICKS));
        assertEquals(0, engine.counters().get(EngineCounters.FAULTS));
        for (final TickFault kind : new TickFault[] {TickFault.NOT_A_NUMBER, TickFault.CROSSED_QUOTE,
            TickFault.UNKNOWN_SYMBOL, TickFault.JUMP, TickFault.DUPLICATE}) {
            assertEquals(1, edge.faults().count(kind), kind.name());
        }
    }

    /**
     * After the market, one bad tick for each of four instruments and an unknown symbol: each would move the
     * engine's price if it got through. {@code sequence} is the synthetic market's last number per instrument.
     */
    private static void recordBadTicks(final TickSink recorder, final long time, final long sequence) {
        final long hundred = 100 * Fixed.SCALE;
        recorder.onTick(time, 0, Fixed.INVALID, hundred, hundred, 0, sequence + 1);
        recorder.onTick(time + 1, 1, hundred + 1, hundred, 0, 0, sequence + 1);
        recorder.onUnknownSymbol(time + 2, "NOT-CONFIGURED");
        recorder.onTick(time + 3, 2, 1_000 * Fixed.SCALE, 1_001 * Fixed.SCALE, 0, 0, sequence + 1);
        recorder.onTick(time + 4, 3, hundred, hundred + 10_000, 0, 0, sequence);
    }

    /** {bid, ask, time} of each instrument's last tick from the synthetic market (the ones numbered 1 and up). */
    private static long[][] lastSyntheticTicks(final CallLog recorded, final int instruments) {
        final long[][] last = new long[instruments][];
        for (final CallLog.Call call : recorded.calls().subList(0, TICKS)) {
            last[call.instrument()] = new long[] {call.bid(), call.ask(), call.time()};
        }
        return last;
    }

    /** The engine's orders go nowhere: this test is about prices. */
    private static final class NoOrders implements OrderSink {
        static final NoOrders INSTANCE = new NoOrders();

        @Override
        public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        }

        @Override
        public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        }

        @Override
        public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
            final long limitPrice) {
        }

        @Override
        public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long orderQuantity) {
        }
    }
}
