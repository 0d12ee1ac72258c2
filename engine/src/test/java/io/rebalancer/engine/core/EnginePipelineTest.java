package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.engine.trigger.TriggerReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.TimeUnit;

import static io.rebalancer.engine.core.Fixtures.money;
import static io.rebalancer.engine.core.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine behind the real Disruptor: events from another thread, every wait strategy, faults. */
class EnginePipelineTest {
    private final EngineConfig config = Fixtures.config(2, portfolio("balanced")
        .asset(0, 600, 60, 5).asset(1, 400, 40, 5));

    @ParameterizedTest
    @EnumSource(value = WaitStrategyKind.class, names = {"BLOCKING", "SLEEPING", "YIELDING"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldTradeThroughTheRingWithEveryWaitStrategy(final WaitStrategyKind kind) {
        final Recorder out = new Recorder();
        final Engine engine = new Engine(config, out, out);
        final EngineTopology topology = new EngineTopology(256, kind, engine, engine).start();
        final InboundPublisher in = topology.publisher();
        long time = Fixtures.T0;
        for (int i = 0; i < 10_000; i++) {
            in.tick(++time, i % 2, money(99.99), money(100.01), money(100));
        }
        in.tick(++time, 0, money(124.99), money(125.01), money(125));
        assertTrue(topology.stop(10, TimeUnit.SECONDS));
        assertEquals(10_001, engine.counters().get(EngineCounters.TICKS));
        assertEquals(2, out.orders.size());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldHaltTradingButKeepBookingWhenAStageThrows() {
        final Recorder out = new Recorder();
        final FaultyListener listener = new FaultyListener();
        final Engine engine = new Engine(config, out, listener);
        final EngineTopology topology = new EngineTopology(256, WaitStrategyKind.SLEEPING, engine, engine).start();
        final InboundPublisher in = topology.publisher();
        long time = Fixtures.T0;
        in.tick(++time, 0, money(99.99), money(100.01), 0);
        in.tick(++time, 1, money(99.99), money(100.01), 0);
        in.tick(++time, 0, money(124.99), money(125.01), 0);
        in.tick(++time, 0, money(99.99), money(100.01), 0);
        in.tick(++time, 0, money(129.99), money(130.01), 0);
        assertTrue(topology.stop(10, TimeUnit.SECONDS));
        assertEquals(1, engine.counters().get(EngineCounters.FAULTS));
        assertEquals(TradingState.HALTED, engine.tradingState());
        assertEquals(5, engine.counters().get(EngineCounters.TICKS));
        assertEquals(0, out.orders.size());
        assertEquals(1, listener.faults);
        assertEquals(money(130), engine.prices().mark(0));
    }

    /** Throws on the first rebalance, as a bug in a listener would. */
    private static final class FaultyListener extends NoOpEngineListener {
        private boolean thrown;
        private int faults;

        @Override
        public void onRebalanceTriggered(final long inputSequence, final long timeNanos, final int portfolioId,
            final TriggerReason reason, final double driftRatio, final double portfolioDrift) {
            if (!thrown) {
                thrown = true;
                throw new IllegalStateException("listener bug");
            }
        }

        @Override
        public void onEngineFault(final long inputSequence, final long timeNanos, final Throwable fault) {
            faults++;
        }
    }
}
