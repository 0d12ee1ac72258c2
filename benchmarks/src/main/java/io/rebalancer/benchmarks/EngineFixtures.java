package io.rebalancer.benchmarks;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.InboundEvent;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine-side benchmarks and their check test build engines from: instruments "S0".."Sn-1" on a one-cent
 * tick, permissive risk limits, a price age no tick here ever reaches, and an order sink that refuses orders (the
 * per-tick benchmarks stay inside the bands, so an order there would be a bug in the benchmark).
 */
final class EngineFixtures {
    /** 2026-01-05 14:30 UTC, in epoch nanoseconds: the first tick's time. */
    static final long T0 = 1_767_623_400_000_000_000L;
    /** One cent in micros: the tick size, the half-spread and each step of a price walk. */
    static final long CENT = 10_000;
    /** No price in these runs grows stale. */
    static final long MAX_PRICE_AGE = Long.MAX_VALUE / 2;
    /** Refuses every order: see the class comment. */
    static final OrderSink NO_ORDERS = new NoOrders();

    private EngineFixtures() {
    }

    static String symbol(final int id) {
        return "S" + id;
    }

    static String[] symbols(final int instruments) {
        final String[] symbols = new String[instruments];
        for (int i = 0; i < instruments; i++) {
            symbols[i] = symbol(i);
        }
        return symbols;
    }

    /** Instruments 0..n-1, one-cent tick, lot of one. */
    static InstrumentUniverse universe(final int instruments) {
        final List<Instrument> list = new ArrayList<>(instruments);
        for (int i = 0; i < instruments; i++) {
            list.add(new Instrument(i, symbol(i), CENT, 1, 1_000_000 * Fixed.SCALE));
        }
        return new InstrumentUniverse(list);
    }

    /** A threshold portfolio on absolute bands, no portfolio band, no cash buffer, planned to target. */
    static PortfolioSpec spec(final int id, final long cash, final int[] instrumentIds, final long[] quantities,
        final int[] targetPpm, final int[] bandPpm) {
        return new PortfolioSpec(id, "p" + id, cash, instrumentIds, quantities, targetPpm, bandPpm,
            new int[instrumentIds.length], 0, 200_000, 0, 0, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null);
    }

    /** An engine over {@code instruments} instruments and these portfolios, with limits no order here reaches. */
    static Engine engine(final int instruments, final List<PortfolioSpec> portfolios, final TradingState state,
        final OrderSink orders, final EngineListener listener) {
        final EngineConfig config = new EngineConfig(
            new EngineSettings(1024, WaitStrategyKind.SLEEPING, MAX_PRICE_AGE, 1024, 1, 1000, ZoneOffset.UTC),
            universe(instruments),
            new RiskLimits(1_000_000, Long.MAX_VALUE / 4, 100_000, 1_000, Long.MAX_VALUE / 4,
                new boolean[instruments], state),
            portfolios);
        return new Engine(config, orders, listener);
    }

    /**
     * Publishes one tick per instrument at its mid (bid and ask a cent either side), each its own batch, so every
     * portfolio is valued before the measured ticks start.
     *
     * @return the next input sequence
     */
    static long prime(final Engine engine, final InboundEvent event, final long[] mids, final long time) {
        long sequence = 0;
        for (int i = 0; i < mids.length; i++) {
            engine.onEvent(event.tick(time, i, mids[i] - CENT, mids[i] + CENT, mids[i]), sequence++, true);
        }
        return sequence;
    }

    /** The benchmark stays inside the bands; an order here would be a bug. */
    private static final class NoOrders implements OrderSink {
        @Override
        public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long quantity, final long limitPrice) {
            throw new IllegalStateException("unexpected order: the benchmark left its bands");
        }

        @Override
        public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
            throw new IllegalStateException("unexpected cancel");
        }

        @Override
        public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
            final long limitPrice) {
            throw new IllegalStateException("unexpected replace");
        }

        @Override
        public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long orderQuantity) {
            throw new IllegalStateException("unexpected status request");
        }
    }
}
