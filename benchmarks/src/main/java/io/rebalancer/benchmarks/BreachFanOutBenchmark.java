package io.rebalancer.benchmarks;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.pipeline.InboundEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breach detection for one instrument's tick across {@code portfolios} portfolios that all hold it, the tick its own
 * batch, prices wandering a cent inside the bands so nothing is planned:
 * <ul>
 *     <li>{@code engineTick}: {@code Engine.onEvent}: the holder index gives the (portfolio, slot) rows of the
 *     instrument, each slot is revalued (O(1)), and each portfolio's drift is then judged once (O(assets) each);</li>
 *     <li>{@code naiveRevalue}: a {@code List} of {@link NaivePortfolio}s: every portfolio that holds the symbol is
 *     revalued from scratch from a shared {@code Map<String, Double>} of prices.</li>
 * </ul>
 * Each portfolio has {@value #ASSETS} assets: instrument 0 (the one ticked) and nine of the other 63, spread so that
 * portfolios differ; its holding of instrument 0 varies by portfolio (1,000 to 1,200 units; 1,000 of each other).
 * Targets 10% each, absolute bands {@value #BAND_PPM} ppm. The fork has {@code -Xmx2g}: at 100,000 portfolios the
 * engine holds about a million slots (and its snapshot header a label for each), the naive side three maps each.
 * {@code EngineBenchmarksCheckTest} checks that the naive side finds exactly the breaches the engine triggers on.
 * Only the side a benchmark measures is built. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
// JMH takes the nearest @Fork whole: only the larger heap, as this fork opens no Chronicle queue or Agrona buffer.
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class BreachFanOutBenchmark extends JmhDefaults {
    static final int INSTRUMENTS = 64;
    static final int ASSETS = 10;
    static final int BAND_PPM = 50_000;
    static final int TICKED = 0;
    static final long START_MID = 100 * Fixed.SCALE;

    @Param({"1", "1000", "100000"})
    public int portfolios;

    private final InboundEvent event = new InboundEvent();
    private final Map<String, Double> naivePrices = new HashMap<>();
    private final List<NaivePortfolio> naive = new ArrayList<>();
    private long tickedMid = START_MID;
    private boolean up;
    private long time = EngineFixtures.T0;
    private Engine engine;
    private long sequence;
    private String tickedSymbol;

    /**
     * Portfolio {@code p} holds instrument 0 in slot 0 and instruments {@code 1 + (p + 6j) % 63} in slots 1..9 (all
     * different), 10% targets, absolute bands of {@code bandPpm}; {@code 1000 + 20 (p % 11)} units of instrument 0
     * and 1,000 of each other, no cash.
     */
    static List<PortfolioSpec> specs(final int portfolios, final int bandPpm) {
        final List<PortfolioSpec> specs = new ArrayList<>(portfolios);
        for (int p = 0; p < portfolios; p++) {
            final int[] ids = new int[ASSETS];
            final long[] quantities = new long[ASSETS];
            final int[] targets = new int[ASSETS];
            final int[] bands = new int[ASSETS];
            for (int j = 0; j < ASSETS; j++) {
                ids[j] = j == 0 ? TICKED : 1 + (p + 6 * j) % (INSTRUMENTS - 1);
                quantities[j] = j == 0 ? 1000 + 20 * (p % 11) : 1000;
                targets[j] = 100_000;
                bands[j] = bandPpm;
            }
            specs.add(EngineFixtures.spec(p, 0, ids, quantities, targets, bands));
        }
        return specs;
    }

    @Setup(Level.Trial)
    public void setUp(final BenchmarkParams params) {
        if (params.getBenchmark().endsWith("naiveRevalue")) {
            setUpNaive();
        } else {
            setUpEngine();
        }
    }

    void setUpEngine() {
        engine = EngineFixtures.engine(INSTRUMENTS, specs(portfolios, BAND_PPM), TradingState.ACTIVE,
            EngineFixtures.NO_ORDERS, NoOpEngineListener.INSTANCE);
        sequence = EngineFixtures.prime(engine, event, new PriceWalk(INSTRUMENTS, START_MID).mids(), time);
    }

    void setUpNaive() {
        final String[] symbols = EngineFixtures.symbols(INSTRUMENTS);
        tickedSymbol = symbols[TICKED];
        for (final PortfolioSpec spec : specs(portfolios, BAND_PPM)) {
            naive.add(new NaivePortfolio(spec, symbols));
        }
        for (int i = 0; i < INSTRUMENTS; i++) {
            naivePrices.put(symbols[i], Fixed.toDouble(START_MID));
        }
    }

    /** One tick of instrument 0 into the engine, its own batch. Returns the evaluations so far. */
    @Benchmark
    public long engineTick() {
        final long mid = nextMid();
        engine.onEvent(event.tick(++time, TICKED, mid - EngineFixtures.CENT, mid + EngineFixtures.CENT, mid),
            sequence++, true);
        return engine.counters().get(EngineCounters.EVALUATIONS);
    }

    /** The naive way: the new price into the map, then every portfolio holding the symbol revalued from scratch. */
    @Benchmark
    public int naiveRevalue() {
        naivePrices.put(tickedSymbol, Fixed.toDouble(nextMid()));
        int breaches = 0;
        for (final NaivePortfolio portfolio : naive) {
            if (portfolio.holds(tickedSymbol) && portfolio.isOutOfBands(naivePrices)) {
                breaches++;
            }
        }
        return breaches;
    }

    /** Instrument 0's next price: a cent up, then back down. */
    private long nextMid() {
        up = !up;
        tickedMid += up ? EngineFixtures.CENT : -EngineFixtures.CENT;
        return tickedMid;
    }
}
