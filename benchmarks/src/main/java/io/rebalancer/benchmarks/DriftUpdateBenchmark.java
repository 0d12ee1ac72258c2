package io.rebalancer.benchmarks;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift update per tick for one portfolio of {@code assets} instruments, each tick its own batch (the worst case),
 * prices wandering a cent inside the bands so no plan is ever made:
 * <ul>
 *     <li>{@code engineTick}: the engine's real path, {@code Engine.onEvent} of one tick: validation, the price
 *     board, the incremental revaluation of the holding slot, the deadline checks, then the drift judgement of the
 *     portfolio (a full O(assets) pass of {@code DriftCalculator}) and the trigger;</li>
 *     <li>{@code driftCalculator}: the drift unit alone, what {@code engineTick} does for drift without the event
 *     dispatch, counters and deadlines: price board update, {@code Portfolio.mark} (O(1)) and
 *     {@code DriftCalculator.evaluate} (O(assets): staleness, each weight against its band, total drift);</li>
 *     <li>{@code naiveMapTick}: the naive baseline, {@link NaivePortfolio}: boxed maps, every weight recomputed;</li>
 *     <li>{@code bareArrayLoop}: the floor, {@link ArrayDriftLoop}: one bare full pass over {@code long[]} arrays.</li>
 * </ul>
 * All four see the same portfolio (equal targets, band half the target, 1,000 units of each at 100.00) and the same
 * price walk. {@code EngineBenchmarksCheckTest} checks that the baselines say "out of bands" exactly when the
 * engine's {@code DriftCalculator} does. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
public class DriftUpdateBenchmark extends JmhDefaults {
    static final long START_MID = 100 * Fixed.SCALE;

    @Param({"10", "100", "1000"})
    public int assets;

    private final InboundEvent event = new InboundEvent();
    private final DriftCalculator drift = new DriftCalculator();
    private final Map<String, Double> naivePrices = new HashMap<>();
    private PriceWalk walk;
    private String[] symbols;
    private long time = EngineFixtures.T0;
    private Engine engine;
    private long sequence;
    private Portfolio portfolio;
    private PriceBoard board;
    private NaivePortfolio naive;
    private ArrayDriftLoop loop;

    /** Equal targets (the remainder on slot 0), an absolute band of half the target, 1,000 units of each. */
    static PortfolioSpec spec(final int assets) {
        final int[] ids = new int[assets];
        final long[] quantities = new long[assets];
        final int[] targets = new int[assets];
        final int[] bands = new int[assets];
        for (int i = 0; i < assets; i++) {
            ids[i] = i;
            quantities[i] = 1000;
            targets[i] = Ppm.ONE / assets;
            bands[i] = Ppm.ONE / assets / 2;
        }
        targets[0] += Ppm.ONE - targets[0] * assets;
        return EngineFixtures.spec(0, 0, ids, quantities, targets, bands);
    }

    @Setup(Level.Trial)
    public void setUp() {
        final PortfolioSpec spec = spec(assets);
        symbols = EngineFixtures.symbols(assets);
        walk = new PriceWalk(assets, START_MID);
        final long[] mids = walk.mids();
        engine = EngineFixtures.engine(assets, List.of(spec), TradingState.ACTIVE, EngineFixtures.NO_ORDERS,
            NoOpEngineListener.INSTANCE);
        sequence = EngineFixtures.prime(engine, event, mids, time);
        portfolio = new Portfolio(spec);
        board = new PriceBoard(assets);
        for (int i = 0; i < assets; i++) {
            board.update(i, mids[i] - EngineFixtures.CENT, mids[i] + EngineFixtures.CENT, mids[i], time);
            portfolio.mark(i, board.mark(i));
            naivePrices.put(symbols[i], Fixed.toDouble(mids[i]));
        }
        naive = new NaivePortfolio(spec, symbols);
        loop = new ArrayDriftLoop(spec, mids);
    }

    /** The engine's real path: one tick as its own batch. Returns the evaluations so far (one per tick). */
    @Benchmark
    public long engineTick() {
        final int i = walk.step();
        final long mid = walk.mid(i);
        engine.onEvent(event.tick(++time, i, mid - EngineFixtures.CENT, mid + EngineFixtures.CENT, mid), sequence++,
            true);
        return engine.counters().get(EngineCounters.EVALUATIONS);
    }

    /** The drift unit alone: board update, one slot revalued, the portfolio's drift judged. Returns the ratio. */
    @Benchmark
    public double driftCalculator() {
        final int i = walk.step();
        final long mid = walk.mid(i);
        board.update(i, mid - EngineFixtures.CENT, mid + EngineFixtures.CENT, mid, ++time);
        portfolio.mark(i, board.mark(i));
        drift.evaluate(portfolio, board, time, EngineFixtures.MAX_PRICE_AGE);
        return drift.ratio();
    }

    /** What a blog post would write: boxed maps, every weight recomputed from scratch on every tick. */
    @Benchmark
    public boolean naiveMapTick() {
        final int i = walk.step();
        naivePrices.put(symbols[i], Fixed.toDouble(walk.mid(i)));
        return naive.isOutOfBands(naivePrices);
    }

    /** The bare array loop: the minimal full pass the engine is promised to be no slower than. */
    @Benchmark
    public boolean bareArrayLoop() {
        final int i = walk.step();
        return loop.tick(i, walk.mid(i));
    }
}
