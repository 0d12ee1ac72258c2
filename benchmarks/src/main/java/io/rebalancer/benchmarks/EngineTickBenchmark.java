package io.rebalancer.benchmarks;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.InboundEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One tick into the engine and drift judged for the one portfolio holding it (each tick is its own batch,
 * the worst case), beside the naive {@code Map<String, Double>} version that recomputes every weight.
 * Prices wander inside the bands, so this measures the per-tick path, not planning. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EngineTickBenchmark {
    @Param({"10", "100"})
    public int assets;

    private Engine engine;
    private final InboundEvent event = new InboundEvent();
    private long[] mids;
    private boolean[] up;
    private long sequence;
    private long time = 1_767_623_400_000_000_000L;
    private int next;
    private final Map<String, Double> naivePrices = new HashMap<>();
    private final Map<String, Double> naiveQuantities = new HashMap<>();
    private final Map<String, Double> naiveTargets = new HashMap<>();
    private String[] symbols;

    @Setup(Level.Trial)
    public void setUp() {
        final List<Instrument> instruments = new ArrayList<>();
        final int[] ids = new int[assets];
        final long[] quantities = new long[assets];
        final int[] targets = new int[assets];
        final int[] bands = new int[assets];
        symbols = new String[assets];
        mids = new long[assets];
        up = new boolean[assets];
        for (int i = 0; i < assets; i++) {
            symbols[i] = "S" + i;
            instruments.add(new Instrument(i, symbols[i], 10_000, 1, 1_000_000 * Fixed.SCALE));
            ids[i] = i;
            quantities[i] = 1000;
            targets[i] = Ppm.ONE / assets;
            bands[i] = Ppm.ONE / assets / 2;
            mids[i] = 100 * Fixed.SCALE;
            naivePrices.put(symbols[i], 100.0);
            naiveQuantities.put(symbols[i], 1000.0);
            naiveTargets.put(symbols[i], 1.0 / assets);
        }
        targets[0] += Ppm.ONE - targets[0] * assets;
        final PortfolioSpec spec = new PortfolioSpec(0, "bench", 0, ids, quantities, targets, bands, new int[assets],
            0, 200_000, 0, 0, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null);
        final EngineConfig config = new EngineConfig(new EngineSettings(1024, WaitStrategyKind.SLEEPING,
            Long.MAX_VALUE / 2, 1024, 1, 1000, ZoneId.of("UTC")), new InstrumentUniverse(instruments),
            new RiskLimits(1_000_000, Long.MAX_VALUE / 4, 100_000, 1_000_000, Long.MAX_VALUE / 4,
                new boolean[assets], TradingState.ACTIVE), List.of(spec));
        engine = new Engine(config, NO_ORDERS, NoOpEngineListener.INSTANCE);
        for (int i = 0; i < assets; i++) {
            engine.onEvent(event.tick(time, i, mids[i] - 10_000, mids[i] + 10_000, mids[i]), sequence++, true);
        }
    }

    /** The engine: one tick, one incremental revaluation, one band check of the holding portfolio. */
    @Benchmark
    public long engineTick() {
        final int i = next;
        next = i + 1 == assets ? 0 : i + 1;
        up[i] = !up[i];
        final long mid = mids[i] + (up[i] ? 10_000 : -10_000);
        mids[i] = mid;
        engine.onEvent(event.tick(++time, i, mid - 10_000, mid + 10_000, mid), sequence++, true);
        return engine.counters().get(0);
    }

    /** What a blog post would write: boxed maps, every weight recomputed from scratch on every tick. */
    @Benchmark
    public boolean naiveMapTick() {
        final int i = next;
        next = i + 1 == assets ? 0 : i + 1;
        final String symbol = symbols[i];
        up[i] = !up[i];
        naivePrices.put(symbol, naivePrices.get(symbol) + (up[i] ? 0.01 : -0.01));
        double total = 0;
        final Map<String, Double> values = new HashMap<>();
        for (final Map.Entry<String, Double> position : naiveQuantities.entrySet()) {
            final double value = position.getValue() * naivePrices.get(position.getKey());
            values.put(position.getKey(), value);
            total += value;
        }
        boolean breach = false;
        for (final Map.Entry<String, Double> value : values.entrySet()) {
            final double target = naiveTargets.get(value.getKey());
            breach |= Math.abs(value.getValue() / total - target) > target / 2;
        }
        return breach;
    }

    private static final OrderSink NO_ORDERS = new NoOrders();

    /** The benchmark stays inside the bands; an order here would be a bug. */
    private static final class NoOrders implements OrderSink {
        @Override
        public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long quantity, final long limitPrice) {
            throw new IllegalStateException("unexpected order");
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
